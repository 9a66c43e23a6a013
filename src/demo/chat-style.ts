import { CANVAS_FONT_FAMILY } from '../reports/font-files.js';

// The look of the chat screenshots: a phone-width column (logical pixels, drawn at twice the size) in
// Telegram's light theme.

/** Pixels per logical pixel: sharp text on high-density screens and in documents. */
export const SCALE = 2;
/** Logical width of the screen. */
export const WIDTH = 500;
/** Message text size and line height. */
export const FONT = 14.5;
export const LINE = 20;
/** Inner padding of a bubble; the widest bubble. */
export const PAD = 10;
export const MAX_BUBBLE = WIDTH * 0.8;
/** Colours of the screen, the bubbles and the buttons. */
export const COLORS = {
  background: '#d5e2ea',
  header: '#ffffff',
  in: '#ffffff',
  out: '#e3f8cf',
  text: '#111b21',
  muted: '#7a8a96',
  mutedOut: '#5f9b54',
  speaker: '#2b7bd1',
  button: '#9bb4c6',
  notice: 'rgba(60, 90, 110, 0.45)',
};

/** A CSS font of the bundled family. */
export const font = (size: number, bold = false): string =>
  `${bold ? 'bold ' : ''}${size}px "${CANVAS_FONT_FAMILY}"`;

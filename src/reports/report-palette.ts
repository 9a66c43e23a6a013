import type { PaceStatus } from '../domain/progress.js';

/**
 * Pace colours shared by charts and the PDF. Darker shades than the usual "traffic light" so the
 * bars stay distinct after Telegram's JPEG recompression and on dim phone screens.
 */
export const PACE_COLORS: Readonly<Record<PaceStatus, string>> = {
  done: '#1565c0',
  on_track: '#2e7d32',
  behind: '#f0a000',
  far_behind: '#c62828',
  overdue: '#6a1b9a',
  no_target: '#9e9e9e',
};

/** The outline of a bar whose unit has not reported today: its colour stays its pace. */
export const NOT_REPORTED_OUTLINE = '#212121';

/** Line colours of the cumulative progress chart, one per step plus the plan and the target. */
export const SERIES_COLORS = {
  scanned: '#1565c0',
  entered: '#8e24aa',
  attached: '#2e7d32',
  plan: '#616161',
  target: '#c62828',
} as const;

/** Neutral colours for text, secondary text and grid lines. */
export const INK = {
  text: '#212121',
  muted: '#555555',
  grid: '#dddddd',
  background: '#ffffff',
} as const;

/** A '#rrggbb' colour as 0–1 channels, for pdf-lib's rgb(). */
export function hexToRgbChannels(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.replace('#', ''), 16);
  return [((value >> 16) & 0xff) / 255, ((value >> 8) & 0xff) / 255, (value & 0xff) / 255];
}

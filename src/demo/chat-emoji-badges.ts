import type { SKRSContext2D } from '@napi-rs/canvas';
import { COLORS } from './chat-style.js';

/** Draws one emoji as a small badge in a square of side `size` whose top-left corner is (x, y). */
type BadgeDraw = (ctx: SKRSContext2D, x: number, y: number, size: number, font: string) => void;

function disc(color: string, glyph?: string, ink = '#ffffff'): BadgeDraw {
  return (ctx, x, y, size, font) => {
    ctx.fillStyle = color;
    ctx.beginPath();
    ctx.arc(x + size / 2, y + size / 2, size * 0.44, 0, Math.PI * 2);
    ctx.fill();
    if (color === '#ffffff') {
      ctx.strokeStyle = '#9aa5ad';
      ctx.lineWidth = 1;
      ctx.stroke();
    }
    if (glyph) centred(ctx, glyph, x, y, size, font, ink);
  };
}

function tile(color: string, glyph: string, ink = '#ffffff'): BadgeDraw {
  return (ctx, x, y, size, font) => {
    ctx.fillStyle = color;
    ctx.beginPath();
    ctx.roundRect(x + size * 0.06, y + size * 0.06, size * 0.88, size * 0.88, size * 0.2);
    ctx.fill();
    centred(ctx, glyph, x, y, size, font, ink);
  };
}

function centred(
  ctx: SKRSContext2D,
  glyph: string,
  x: number,
  y: number,
  size: number,
  font: string,
  ink: string,
) {
  ctx.fillStyle = ink;
  ctx.font = font.replace(/\d+(\.\d+)?px/, `${Math.round(size * 0.62)}px`);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(glyph, x + size / 2, y + size / 2 + size * 0.03);
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
}

function bars(): BadgeDraw {
  return (ctx, x, y, size) => {
    tile('#e8eef3', ' ')(ctx, x, y, size, '');
    const colors = ['#2f80ed', '#27ae60', '#f2994a'];
    [0.45, 0.7, 0.3].forEach((h, i) => {
      ctx.fillStyle = colors[i] ?? '#2f80ed';
      ctx.fillRect(x + size * (0.2 + i * 0.22), y + size * (0.82 - h * 0.7), size * 0.16, size * h * 0.7);
    });
  };
}

function clock(): BadgeDraw {
  return (ctx, x, y, size) => {
    disc('#f2994a')(ctx, x, y, size, '');
    const cx = x + size / 2;
    const cy = y + size / 2;
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = Math.max(1, size * 0.09);
    ctx.beginPath();
    ctx.moveTo(cx, cy - size * 0.26);
    ctx.lineTo(cx, cy);
    ctx.lineTo(cx + size * 0.18, cy + size * 0.1);
    ctx.stroke();
  };
}

/**
 * Emoji the bot uses, drawn as simple coloured badges: the bundled DejaVu font has no colour emoji, and
 * the screenshots must not depend on the fonts of the machine that renders them.
 */
export const EMOJI_BADGES: ReadonlyMap<string, BadgeDraw> = new Map<string, BadgeDraw>([
  ['✅', tile('#2eb85c', '✔')],
  ['❌', tile('#e5484d', '✘')],
  ['⚠️', disc('#f5a524', '!')],
  ['⚠', disc('#f5a524', '!')],
  ['⏰', clock()],
  ['⏳', disc('#9b51e0', '…')],
  ['📭', tile('#8a99a6', '✉')],
  ['📢', tile('#2f80ed', '✉')],
  ['📊', bars()],
  ['🏆', disc('#f2c94c', '★', '#8a6d00')],
  ['🟢', disc('#27ae60')],
  ['🟡', disc('#f2c94c')],
  ['🔴', disc('#eb5757')],
  ['⚪', disc('#ffffff')],
  ['📁', tile('#f2c94c', '▤', '#8a6d00')],
  ['📦', tile('#c58b4b', '▤')],
  ['🗂', tile('#5b8db8', '▤')],
  ['📷', tile('#8a99a6', '◉')],
  ['📎', tile('#8a99a6', '≡')],
  ['🚨', disc('#eb5757', '!')],
  ['ℹ️', disc('#2f80ed', 'i')],
  ['✏️', tile('#f2994a', '✎')],
  ['✖️', tile('#8a99a6', '✖')],
  ['📄', tile('#e8eef3', '≡', '#5b6b78')],
  ['👉', disc('#f2c94c', '→', '#8a6d00')],
  ['🟣', disc('#9b51e0')],
  ['🔵', disc('#2f80ed')],
  ['🔗', tile('#8a99a6', '∞')],
  ['📬', tile('#2f80ed', '✉')],
  ['📨', tile('#2f80ed', '✉')],
  ['👋', disc('#f2c94c', '☺', '#8a6d00')],
  ['⏸', disc('#8a99a6', '‖')],
  // A pointer in the text rather than an emoji: drawn in the text's own ink.
  ['◀', (ctx, x, y, size, font) => centred(ctx, '◀', x, y, size, font, COLORS.text)],
]);

/** Splits text into plain runs and emoji the badge table knows, in order. */
export function splitEmoji(text: string): { readonly text: string; readonly emoji: boolean }[] {
  const parts: { text: string; emoji: boolean }[] = [];
  let plain = '';
  for (const match of text.matchAll(/\p{Extended_Pictographic}\uFE0F?|[^]/gu)) {
    const piece = match[0];
    const known = EMOJI_BADGES.has(piece)
      ? piece
      : EMOJI_BADGES.has(piece.replace('\uFE0F', ''))
        ? piece.replace('\uFE0F', '')
        : undefined;
    if (known) {
      if (plain) parts.push({ text: plain, emoji: false });
      plain = '';
      parts.push({ text: known, emoji: true });
    } else plain += piece === '\uFE0F' ? '' : piece;
  }
  if (plain) parts.push({ text: plain, emoji: false });
  return parts;
}

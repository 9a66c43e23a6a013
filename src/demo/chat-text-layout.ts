import type { SKRSContext2D } from '@napi-rs/canvas';
import { EMOJI_BADGES, splitEmoji } from './chat-emoji-badges.js';

/** How wide an emoji badge is, relative to the font size. */
const EMOJI_SCALE = 1.2;

/** Width of a text with emoji badges, in the context's current font. */
export function measureRich(ctx: SKRSContext2D, text: string, fontSize: number): number {
  return splitEmoji(text).reduce(
    (width, part) => width + (part.emoji ? fontSize * EMOJI_SCALE + 2 : ctx.measureText(part.text).width),
    0,
  );
}

/** Draws a text with emoji badges, left-aligned at (x, baseline). */
export function drawRich(
  ctx: SKRSContext2D,
  text: string,
  x: number,
  baseline: number,
  fontSize: number,
  color: string,
): void {
  const font = ctx.font;
  let at = x;
  for (const part of splitEmoji(text)) {
    if (part.emoji) {
      const size = fontSize * EMOJI_SCALE;
      EMOJI_BADGES.get(part.text)?.(ctx, at + 1, baseline - size * 0.82, size, font);
      ctx.font = font;
      at += size + 2;
    } else {
      ctx.fillStyle = color;
      ctx.fillText(part.text, at, baseline);
      at += ctx.measureText(part.text).width;
    }
  }
}

/** Breaks a text into lines no wider than `maxWidth` (words kept whole unless one alone is too wide). */
export function wrapRich(ctx: SKRSContext2D, text: string, maxWidth: number, fontSize: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const candidate = line ? `${line} ${word}` : word;
      if (measureRich(ctx, candidate, fontSize) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = word;
      // A word wider than the bubble (a long file name, a code) is cut where it must be.
      while (measureRich(ctx, line, fontSize) > maxWidth && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && measureRich(ctx, line.slice(0, cut), fontSize) > maxWidth) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line);
  }
  return lines;
}

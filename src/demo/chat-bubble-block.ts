import type { Image, SKRSContext2D } from '@napi-rs/canvas';
import type { ChatBubble } from './chat-image-renderer.js';
import { COLORS, FONT, LINE, MAX_BUBBLE, PAD, WIDTH, font } from './chat-style.js';
import { drawRich, measureRich, wrapRich } from './chat-text-layout.js';

/** One laid-out element of a screenshot: measured first, drawn at its top once all are known. */
export interface Block {
  readonly height: number;
  draw(ctx: SKRSContext2D, top: number): void;
}

/** A centred pill: a date, or what happened. */
export function noticeBlock(ctx: SKRSContext2D, text: string): Block {
  ctx.font = font(12.5, true);
  const width = measureRich(ctx, text, 12.5) + 24;
  return {
    height: 34,
    draw: (c, top) => {
      c.fillStyle = COLORS.notice;
      c.beginPath();
      c.roundRect((WIDTH - width) / 2, top + 6, width, 22, 11);
      c.fill();
      c.font = font(12.5, true);
      drawRich(c, text, (WIDTH - width) / 2 + 12, top + 21.5, 12.5, '#ffffff');
    },
  };
}

/** A message bubble with its photo, file, text, time and buttons. */
export function bubbleBlock(ctx: SKRSContext2D, b: ChatBubble, photo: Image | undefined): Block {
  ctx.font = font(FONT);
  const inner = MAX_BUBBLE - 2 * PAD;
  const lines = b.text ? wrapRich(ctx, b.text, inner, FONT) : [];
  const timeWidth = ((ctx.font = font(11)), ctx.measureText(b.time).width + 6);
  ctx.font = font(FONT);
  const widest = Math.max(0, ...lines.map((l) => measureRich(ctx, l, FONT)));
  const lastWidth = lines.length > 0 ? measureRich(ctx, lines.at(-1) ?? '', FONT) : 0;
  const timeOwnLine = lines.length === 0 || lastWidth + timeWidth + 8 > inner;
  ctx.font = font(13, true);
  const speakerWidth = b.speaker ? ctx.measureText(b.speaker).width : 0;
  const fileWidth = b.file
    ? 46 + Math.max(((ctx.font = font(13.5, true)), ctx.measureText(b.file.name).width), 120)
    : 0;
  const photoHeight = photo ? Math.round((MAX_BUBBLE * photo.height) / photo.width) : 0;
  const fullWidth = photo || (b.buttons && b.buttons.length > 0);
  const width = fullWidth
    ? MAX_BUBBLE
    : Math.min(
        MAX_BUBBLE,
        Math.max(widest, speakerWidth, fileWidth, timeOwnLine ? timeWidth : lastWidth + timeWidth + 8) +
          2 * PAD,
      );
  const speakerHeight = b.speaker ? 18 : 0;
  const fileHeight = b.file ? 46 : 0;
  const textHeight = lines.length * LINE + (timeOwnLine ? 14 : 0);
  const bubbleHeight =
    (photo ? photoHeight + (lines.length > 0 ? 6 : 0) : 6) + speakerHeight + fileHeight + textHeight + 6;
  const buttonsHeight = (b.buttons?.length ?? 0) * 38;
  const left = b.side === 'out' ? WIDTH - PAD - width : PAD;
  return {
    height: bubbleHeight + buttonsHeight + 8,
    draw: (c, top) => {
      c.fillStyle = b.side === 'out' ? COLORS.out : COLORS.in;
      c.beginPath();
      c.roundRect(left, top, width, bubbleHeight, 12);
      c.fill();
      let y = top;
      if (photo) {
        c.save();
        c.beginPath();
        c.roundRect(left + 3, top + 3, width - 6, photoHeight - 3, 10);
        c.clip();
        c.drawImage(photo, left + 3, top + 3, width - 6, photoHeight - 3);
        c.restore();
        y += photoHeight;
      }
      y += 6;
      if (b.speaker) {
        c.font = font(13, true);
        c.fillStyle = COLORS.speaker;
        c.fillText(b.speaker, left + PAD, y + 13);
        y += speakerHeight;
      }
      if (b.file) {
        c.fillStyle = COLORS.speaker;
        c.beginPath();
        c.arc(left + PAD + 19, y + 21, 19, 0, Math.PI * 2);
        c.fill();
        c.font = font(18, true);
        c.fillStyle = '#ffffff';
        c.fillText('↓', left + PAD + 13, y + 28);
        c.font = font(13.5, true);
        c.fillStyle = COLORS.text;
        c.fillText(b.file.name, left + PAD + 46, y + 17);
        c.font = font(12);
        c.fillStyle = COLORS.muted;
        c.fillText(b.file.detail, left + PAD + 46, y + 35);
        y += fileHeight;
      }
      c.font = font(FONT);
      lines.forEach((line, i) => drawRich(c, line, left + PAD, y + 15 + i * LINE, FONT, COLORS.text));
      c.font = font(11);
      c.fillStyle = b.side === 'out' ? COLORS.mutedOut : COLORS.muted;
      c.fillText(b.time, left + width - PAD - timeWidth + 6, top + bubbleHeight - 7);
      let by = top + bubbleHeight + 4;
      for (const row of b.buttons ?? []) {
        const w = (width - (row.length - 1) * 4) / row.length;
        row.forEach((label, i) => {
          const x = left + i * (w + 4);
          c.fillStyle = COLORS.button;
          c.beginPath();
          c.roundRect(x, by, w, 34, 8);
          c.fill();
          c.font = font(13.5, true);
          const lw = measureRich(c, label, 13.5);
          drawRich(c, label, x + (w - lw) / 2, by + 22, 13.5, '#ffffff');
        });
        by += 38;
      }
    },
  };
}

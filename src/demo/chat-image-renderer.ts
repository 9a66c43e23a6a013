import { createCanvas, loadImage } from '@napi-rs/canvas';
import { registerCanvasFonts } from '../reports/font-files.js';
import { bubbleBlock, noticeBlock, type Block } from './chat-bubble-block.js';
import { COLORS, SCALE, WIDTH, font } from './chat-style.js';

/** One message in a screenshot: the user's (`out`, right, green) or the bot's (`in`, left, white). */
export interface ChatBubble {
  readonly side: 'in' | 'out';
  /** Shown above the text, as Telegram does in groups. */
  readonly speaker?: string;
  readonly time: string;
  readonly text?: string;
  readonly buttons?: readonly (readonly string[])[];
  /** A photo (PNG bytes) shown above the text, which is then its caption. */
  readonly photo?: Buffer;
  readonly file?: { readonly name: string; readonly detail: string };
}

/** A centred line between messages: a date, or what happened ("… đã thêm bot vào nhóm"). */
export interface ChatNotice {
  readonly notice: string;
}

/** A chat as a phone shows it: a header and the messages. */
export interface ChatScreen {
  readonly title: string;
  readonly subtitle: string;
  readonly items: readonly (ChatBubble | ChatNotice)[];
}

/** Renders a chat as a phone screenshot (PNG, twice the logical size for sharp text). */
export async function renderChatScreen(screen: ChatScreen): Promise<Buffer> {
  registerCanvasFonts();
  const measure = createCanvas(10, 10).getContext('2d');
  const blocks: Block[] = [];
  for (const item of screen.items) {
    if ('notice' in item) blocks.push(noticeBlock(measure, item.notice));
    else blocks.push(bubbleBlock(measure, item, item.photo ? await loadImage(item.photo) : undefined));
  }
  const header = 58;
  const height = header + 10 + blocks.reduce((h, b) => h + b.height, 0) + 6;
  const canvas = createCanvas(WIDTH * SCALE, Math.ceil(height * SCALE));
  const ctx = canvas.getContext('2d');
  ctx.scale(SCALE, SCALE);
  ctx.fillStyle = COLORS.background;
  ctx.fillRect(0, 0, WIDTH, height);
  ctx.fillStyle = COLORS.header;
  ctx.fillRect(0, 0, WIDTH, header);
  ctx.fillStyle = '#e3e9ee';
  ctx.fillRect(0, header - 1, WIDTH, 1);
  ctx.fillStyle = '#5fa8e6';
  ctx.beginPath();
  ctx.arc(32, header / 2, 19, 0, Math.PI * 2);
  ctx.fill();
  ctx.font = font(15, true);
  ctx.fillStyle = '#ffffff';
  const initial = [...screen.title.trim()][0]?.toUpperCase() ?? '?';
  ctx.fillText(initial, 32 - ctx.measureText(initial).width / 2, header / 2 + 5.5);
  ctx.font = font(15.5, true);
  ctx.fillStyle = COLORS.text;
  ctx.fillText(screen.title, 60, 25);
  ctx.font = font(12.5);
  ctx.fillStyle = COLORS.muted;
  ctx.fillText(screen.subtitle, 60, 43);
  let top = header + 10;
  for (const block of blocks) {
    block.draw(ctx, top);
    top += block.height;
  }
  return canvas.encode('png');
}

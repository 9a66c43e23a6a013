import type { Telegram } from 'telegraf';
import { fitTelegramCaption } from './telegram-text.js';

/** Telegram's album sizes: sendMediaGroup takes 2 to 10 items. */
export const TELEGRAM_ALBUM_MAX = 10;

/**
 * Cuts `count` images into albums of at most 10, never leaving one image alone when there are several
 * (11 → 9 + 2): a lone image cannot be an album and would read as a stray photo.
 */
export function albumChunks(count: number): number[] {
  const sizes: number[] = [];
  for (let left = count; left > 0; left -= TELEGRAM_ALBUM_MAX) sizes.push(Math.min(left, TELEGRAM_ALBUM_MAX));
  const last = sizes.length - 1;
  if (last > 0 && sizes[last] === 1) {
    sizes[last - 1] = (sizes[last - 1] ?? 0) - 1;
    sizes[last] = 2;
  }
  return sizes;
}

/**
 * Sends images as Telegram albums (sendMediaGroup; a single image with sendPhoto), the caption on the
 * first image. Returns the first message's id, which is what a later reference would point at.
 */
export async function sendTelegramAlbum(
  telegram: Telegram,
  chat_id: string,
  images: readonly { fileName: string; bytes: Buffer }[],
  caption: string | undefined,
  call: { signal: never },
): Promise<{ message_id: number }> {
  const fitted = fitTelegramCaption(caption);
  if (images.length === 1) {
    const [only] = images as [{ fileName: string; bytes: Buffer }];
    const photo = { source: only.bytes, filename: only.fileName };
    const sent = await telegram.callApi('sendPhoto', { chat_id, photo, caption: fitted }, call);
    return { message_id: sent.message_id };
  }
  let first: number | undefined;
  let start = 0;
  for (const size of albumChunks(images.length)) {
    const media = images.slice(start, start + size).map((image, i) => ({
      type: 'photo' as const,
      media: { source: image.bytes, filename: image.fileName },
      ...(start === 0 && i === 0 && fitted !== undefined ? { caption: fitted } : {}),
    }));
    start += size;
    const sent = await telegram.callApi('sendMediaGroup', { chat_id, media }, call);
    first ??= sent[0]?.message_id;
  }
  return { message_id: first ?? 0 };
}

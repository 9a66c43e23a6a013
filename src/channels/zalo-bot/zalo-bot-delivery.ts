import type { OutboxRow } from '../../db/outbox.table.js';
import { zaloMessages } from '../../messages/zalo-messages.js';
import {
  albumImages,
  type AlbumPayload,
  type FilePayload,
  type TextPayload,
} from '../../outbox/outbox-payload.js';
import type { ZaloBotApi } from './zalo-bot-api.js';
import type { ZaloBotMediaLinks } from './zalo-bot-media.js';
import { ZALO_BOT_TEXT_LIMIT, splitZaloText } from './zalo-bot-text.js';

/** One Bot API call of a row's delivery. */
type ZaloCall =
  | { readonly method: 'sendMessage'; readonly text: string }
  | {
      readonly method: 'sendPhoto';
      readonly file: { index: number; fileName: string; bytes: Buffer };
      readonly caption: string | undefined;
    }
  | { readonly method: 'sendPhotoUrl'; readonly url: string; readonly caption: string | undefined };

/** A photo row that names its public address already (the evening package's signed chart addresses). */
function photoUrlOf(payload: unknown): string | undefined {
  const url = (payload as { url?: unknown } | null)?.url;
  return typeof url === 'string' && /^https?:\/\//.test(url) ? url : undefined;
}

/**
 * A text with its choices as a numbered list (Zalo Bot has no buttons), cut into Zalo-sized parts; the
 * list is never cut from its header: it ends the last part, or is a part of its own when that is full.
 */
export function zaloTextParts(payload: TextPayload): string[] {
  const labels = (payload.choices ?? []).flat().map((c) => c.label);
  const parts = splitZaloText(payload.text);
  if (labels.length === 0) return parts;
  const block = zaloMessages.numberedChoices(labels);
  const last = parts.at(-1);
  if (last !== undefined && last.length + 2 + block.length <= ZALO_BOT_TEXT_LIMIT) {
    return [...parts.slice(0, -1), `${last}\n\n${block}`];
  }
  return [...parts, ...splitZaloText(block)];
}

/** The calls a row becomes: texts split at 2,000; photos one by one; a menu none. */
function callsOf(row: OutboxRow, media: ZaloBotMediaLinks | undefined): ZaloCall[] {
  const text = (t: string): ZaloCall[] =>
    splitZaloText(t).map((part) => ({ method: 'sendMessage', text: part }));
  switch (row.kind) {
    case 'text':
    case 'edit':
      // Zalo cannot edit a message: an edit is sent as a new one.
      return zaloTextParts(row.payload as TextPayload).map((part) => ({ method: 'sendMessage', text: part }));
    case 'photo': {
      const p = row.payload as FilePayload;
      const url = photoUrlOf(row.payload);
      if (url !== undefined) return [{ method: 'sendPhotoUrl', url, caption: p.caption }];
      if (!row.attachment) throw new Error(`outbox row ${row.id} has no attachment`);
      if (!media) return text(zaloMessages.imageUnavailable(p.caption));
      return [
        {
          method: 'sendPhoto',
          file: { index: 0, fileName: p.fileName, bytes: row.attachment },
          caption: p.caption,
        },
      ];
    }
    case 'album': {
      const p = row.payload as AlbumPayload;
      if (!row.attachment) throw new Error(`outbox row ${row.id} has no attachment`);
      if (!media) return text(zaloMessages.imageUnavailable(p.caption));
      return albumImages(p, row.attachment).map((image, index) => ({
        method: 'sendPhoto',
        file: { index, ...image },
        caption: index === 0 ? p.caption : undefined,
      }));
    }
    case 'document':
      // Sent by deliverToZaloBot itself: its one text needs the link first.
      return [];
    case 'menu':
      return [];
  }
}

/**
 * Performs one outbox row on the Zalo Bot API. A row of several calls (a long text, an album) remembers
 * in `progress` how many went out, so a 429 in the middle resumes there instead of repeating the first
 * parts (within this process; after a crash the row starts again, as on Telegram).
 */
export async function deliverToZaloBot(
  deps: { api: ZaloBotApi; media: ZaloBotMediaLinks | undefined; progress: Map<number, number> },
  row: OutboxRow,
  signal?: AbortSignal,
): Promise<unknown> {
  const { api, media, progress } = deps;
  const chat_id = row.chat_id;
  if (row.kind === 'document') {
    const p = row.payload as FilePayload;
    if (!row.attachment) throw new Error(`outbox row ${row.id} has no attachment`);
    const url = media
      ? await media.urlFor({ outboxId: row.id, index: 0, fileName: p.fileName, bytes: row.attachment })
      : undefined;
    const sent = await api.call<{ message_id?: string }>(
      'sendMessage',
      { chat_id, text: splitZaloText(zaloMessages.document(p.fileName, p.caption, url))[0] ?? p.fileName },
      signal,
    );
    return { message_id: sent.message_id };
  }
  const calls = callsOf(row, media);
  let last: { message_id?: string } = {};
  for (let i = progress.get(row.id) ?? 0; i < calls.length; i++) {
    const call = calls[i];
    if (!call) continue;
    if (call.method === 'sendMessage') {
      last = await api.call('sendMessage', { chat_id, text: call.text }, signal);
    } else if (call.method === 'sendPhotoUrl') {
      const caption = call.caption === undefined ? undefined : splitZaloText(call.caption)[0];
      last = await api.call(
        'sendPhoto',
        { chat_id, photo: call.url, ...(caption ? { caption } : {}) },
        signal,
      );
    } else {
      if (!media) throw new Error(`outbox row ${row.id}: a photo without media links`);
      const photo = await media.urlFor({ outboxId: row.id, ...call.file });
      const caption = call.caption === undefined ? undefined : splitZaloText(call.caption)[0];
      last = await api.call('sendPhoto', { chat_id, photo, ...(caption ? { caption } : {}) }, signal);
    }
    progress.set(row.id, i + 1);
  }
  progress.delete(row.id);
  return calls.length === 0 ? { skipped: row.kind } : { message_id: last.message_id };
}

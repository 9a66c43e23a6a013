import type { OutboxRow } from '../../db/outbox.table.js';
import { zaloMessages } from '../../messages/zalo-messages.js';
import {
  albumImages,
  type AlbumPayload,
  type FilePayload,
  type TextPayload,
} from '../../outbox/outbox-payload.js';
import { rerouteUnreachableOaMessage } from '../../services/zalo-oa-reroute.service.js';
import { BAD_FIELD, NEVER_INTERACTED, SILENT_TOO_LONG, ZaloOaApiError } from './zalo-oa-api-error.js';
import type { ZaloOaSendData } from './zalo-oa-api.js';
import { fitZaloOaImage } from './zalo-oa-image.js';
import {
  ZaloOaUnreachableError,
  imageMessage,
  quotable,
  send,
  targetOf,
  withToken,
  type Target,
  type ZaloOaDeliveryDeps,
} from './zalo-oa-send.js';
import { splitZaloOaText } from './zalo-oa-text.js';

export type { ZaloOaDeliveryDeps } from './zalo-oa-send.js';

/** The texts of a text payload: its choices numbered after it (the OA has no buttons in chats). */
function textParts(payload: TextPayload): string[] {
  const labels = (payload.choices ?? []).flat().map((c) => c.label);
  const full =
    labels.length > 0 ? `${payload.text}\n\n${zaloMessages.numberedChoices(labels)}` : payload.text;
  return splitZaloOaText(full);
}

/**
 * Performs one outbox row's OA calls; returns the id of the last message Zalo gave. Texts over 2,000
 * characters go as several messages; a reply to a person inside their free window quotes their last
 * message; an edit is sent as a new message (the OA cannot edit); a document is uploaded, then sent by
 * its token; images are uploaded (made to fit 1 MB) and sent one by one; menus do not exist on the OA.
 */
export async function deliverToZaloOa(
  deps: ZaloOaDeliveryDeps,
  row: OutboxRow,
  signal?: AbortSignal,
): Promise<unknown> {
  const target = targetOf(row.chat_id);
  try {
    return await deliverRow(deps, row, target, signal);
  } catch (error) {
    // Zalo will not let us reach them: the message goes to their linked channels instead.
    if (target.kind === 'user' && unreachable(error)) {
      await rerouteUnreachableOaMessage(deps.db, {
        platform: row.platform,
        userId: target.id,
        row,
        at: deps.clock.now(),
      });
    }
    throw error;
  }
}

function unreachable(error: unknown): boolean {
  return (
    error instanceof ZaloOaUnreachableError ||
    (error instanceof ZaloOaApiError && (error.code === SILENT_TOO_LONG || error.code === NEVER_INTERACTED))
  );
}

async function deliverRow(
  deps: ZaloOaDeliveryDeps,
  row: OutboxRow,
  target: Target,
  signal?: AbortSignal,
): Promise<unknown> {
  // Throws first when Zalo has refused this person before: nothing is uploaded or sent.
  let quoting = target.kind === 'user' ? await quotable(deps, target.id) : undefined;
  let last: ZaloOaSendData = {};
  const sendText = async (text: string) => {
    if (quoting === undefined) {
      last = await send(deps, row, target, { text }, signal);
      return;
    }
    try {
      last = await send(deps, row, target, { text, quote_message_id: quoting }, signal);
    } catch (error) {
      // The quote field is not confirmed by public sources: if Zalo rejects the field, send plainly.
      if (!(error instanceof ZaloOaApiError) || error.code !== BAD_FIELD) throw error;
      quoting = undefined;
      last = await send(deps, row, target, { text }, signal);
    }
  };
  switch (row.kind) {
    case 'text':
    case 'edit':
      for (const part of textParts(row.payload as TextPayload)) await sendText(part);
      break;
    case 'document': {
      const p = row.payload as FilePayload;
      if (!row.attachment) throw new Error(`outbox row ${row.id} has no attachment`);
      const attachment = row.attachment;
      const token = await withToken(deps, (t) => deps.api.uploadFile(t, p.fileName, attachment, signal));
      if (p.caption) await sendText(p.caption);
      last = await send(deps, row, target, { attachment: { type: 'file', payload: { token } } }, signal);
      break;
    }
    case 'photo':
    case 'album': {
      const images =
        row.kind === 'photo'
          ? [{ fileName: (row.payload as FilePayload).fileName, bytes: row.attachment ?? Buffer.alloc(0) }]
          : albumImages(row.payload as AlbumPayload, row.attachment ?? Buffer.alloc(0));
      const caption = (row.payload as { caption?: string }).caption;
      if (caption) await sendText(caption);
      for (const image of images) {
        const fitted = await fitZaloOaImage(image.fileName, image.bytes);
        const id = await withToken(deps, (t) =>
          deps.api.uploadImage(t, fitted.fileName, fitted.bytes, signal),
        );
        last = await send(deps, row, target, imageMessage(target, id), signal);
      }
      break;
    }
    case 'menu':
      return { menu: false };
  }
  return { message_id: last.message_id ?? null };
}

import type { Document, Message, PhotoSize } from 'telegraf/types';
import type { ApiParams, UploadedFile } from './api-params.js';
import type { BotApiContext, MethodHandler } from './bot-api-context.js';
import { BotApiError, badRequest } from './bot-api-error.js';
import { FileStore, MAX_DOWNLOAD_BYTES, guessMimeType, type StoredFile } from './file-store.js';
import { parseFormattedText } from './formatted-text.js';
import { readImageSize } from './image-size-reader.js';
import { resolveInputFile } from './input-file-resolver.js';
import { messageBase, optionalFields, readReplyMarkup, readReplyTo } from './outgoing-message.js';

const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;
const MAX_CAPTION_LENGTH = 1024;
// Telegram stores a photo in several sizes; longest side of each (the last is the "original").
const PHOTO_SIDES = [90, 320, 800, 1280];

/** sendPhoto, sendDocument and getFile. */
export const mediaMethods: Readonly<Record<string, MethodHandler>> = {
  async sendPhoto(ctx, params, call) {
    const chat = ctx.chats.resolve(params.chatId());
    const input = params.inputFile('photo');
    if (input === undefined) throw badRequest('there is no photo in the request');
    const caption = readCaption(params);
    const replyMarkup = readReplyMarkup(params);
    const replyTo = readReplyTo(ctx, params, chat);
    const photo = await storePhoto(ctx, input, call.signal);
    const message = {
      ...messageBase(ctx, chat),
      photo,
      ...optionalFields({ ...caption, reply_markup: replyMarkup, reply_to_message: replyTo }),
    } as Message.PhotoMessage;
    ctx.chats.store(message, true);
    return message;
  },

  async sendDocument(ctx, params, call) {
    const chat = ctx.chats.resolve(params.chatId());
    const input = params.inputFile('document');
    if (input === undefined) throw badRequest('there is no document in the request');
    const caption = readCaption(params);
    const replyMarkup = readReplyMarkup(params);
    const replyTo = readReplyTo(ctx, params, chat);
    const document = await storeDocument(ctx, input, call.signal);
    const message = {
      ...messageBase(ctx, chat),
      document,
      ...optionalFields({ ...caption, reply_markup: replyMarkup, reply_to_message: replyTo }),
    } as Message.DocumentMessage;
    ctx.chats.store(message, true);
    return message;
  },

  getFile(ctx, params) {
    const file = ctx.files.byId(params.string('file_id') ?? '');
    if (file === undefined) throw badRequest('invalid file_id');
    if (file.bytes.length > MAX_DOWNLOAD_BYTES) throw badRequest('file is too big');
    return FileStore.toApiFile(file);
  },
};

/** The Bot API `Document` for a stored file. */
export function toDocument(file: StoredFile): Document {
  return {
    file_id: file.fileId,
    file_unique_id: file.fileUniqueId,
    file_size: file.bytes.length,
    ...(file.fileName === undefined ? {} : { file_name: file.fileName }),
    ...(file.mimeType === undefined ? {} : { mime_type: file.mimeType }),
  };
}

function readCaption(params: ApiParams): MediaCaption {
  return captionOf(params.string('caption'), params.string('parse_mode'), params.json('caption_entities'));
}

/** A photo's or document's caption fields. */
export interface MediaCaption {
  caption?: string;
  caption_entities?: Message.CaptionableMessage['caption_entities'];
}

/** The caption fields of a message from a call's (or a media group item's) caption, checked. */
export function captionOf(
  raw: string | undefined,
  parseMode: string | undefined,
  entities: unknown,
): MediaCaption {
  if (raw === undefined || raw === '') return {};
  const formatted = parseFormattedText(raw, parseMode, entities);
  if (formatted.text.length > MAX_CAPTION_LENGTH) throw badRequest('message caption is too long');
  return { caption: formatted.text, caption_entities: formatted.entities };
}

/** Stores an uploaded (or finds an existing) photo; its sizes as a message carries them. */
export async function storePhoto(
  ctx: BotApiContext,
  input: UploadedFile | string,
  signal: AbortSignal,
): Promise<PhotoSize[]> {
  const resolved = await resolveInputFile(input, 'photo', ctx.files, MAX_PHOTO_BYTES, signal);
  if (resolved.kind === 'existing') return [toPhotoSize(resolved.file)];
  const size = readImageSize(resolved.bytes);
  if (size === undefined) throw badRequest('IMAGE_PROCESS_FAILED');
  return photoSizes(ctx, resolved.bytes, size.width, size.height, resolved.fileName);
}

/** Stores an uploaded (or finds an existing) document; the `Document` a message carries. */
export async function storeDocument(
  ctx: BotApiContext,
  input: UploadedFile | string,
  signal: AbortSignal,
): Promise<Document> {
  const resolved = await resolveInputFile(input, 'document', ctx.files, MAX_DOCUMENT_BYTES, signal);
  const file =
    resolved.kind === 'existing'
      ? resolved.file
      : ctx.files.register('document', resolved.bytes, {
          fileName: resolved.fileName,
          // Uploads without a part Content-Type (telegraf sends none) get a type from the name.
          mimeType: resolved.mimeType ?? guessMimeType(resolved.fileName),
        });
  return toDocument(file);
}

/**
 * Register one stored file per size. The bytes are the original's in every size — the fake does
 * not resize — but ids, paths and dimensions look like Telegram's.
 */
function photoSizes(
  ctx: BotApiContext,
  bytes: Buffer,
  width: number,
  height: number,
  fileName: string,
): PhotoSize[] {
  const longest = Math.max(width, height);
  const sides = PHOTO_SIDES.filter((side, i) => side < longest || i === PHOTO_SIDES.length - 1);
  return sides.map((side) => {
    const scale = Math.min(1, side / longest);
    const file = ctx.files.register('photo', bytes, {
      fileName,
      mimeType: 'image/jpeg',
      width: Math.max(1, Math.round(width * scale)),
      height: Math.max(1, Math.round(height * scale)),
    });
    return toPhotoSize(file);
  });
}

function toPhotoSize(file: StoredFile): PhotoSize {
  if (file.width === undefined || file.height === undefined)
    throw new BotApiError(500, 'Internal Server Error');
  return {
    file_id: file.fileId,
    file_unique_id: file.fileUniqueId,
    width: file.width,
    height: file.height,
    file_size: file.bytes.length,
  };
}

import type { Document, Message, PhotoSize } from 'telegraf/types';
import type { ApiParams } from './api-params.js';
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
    const resolved = await resolveInputFile(input, 'photo', ctx.files, MAX_PHOTO_BYTES, call.signal);
    let photo: PhotoSize[];
    if (resolved.kind === 'existing') {
      photo = [toPhotoSize(resolved.file)];
    } else {
      const size = readImageSize(resolved.bytes);
      if (size === undefined) throw badRequest('IMAGE_PROCESS_FAILED');
      photo = photoSizes(ctx, resolved.bytes, size.width, size.height, resolved.fileName);
    }
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
    const resolved = await resolveInputFile(input, 'document', ctx.files, MAX_DOCUMENT_BYTES, call.signal);
    const file =
      resolved.kind === 'existing'
        ? resolved.file
        : ctx.files.register('document', resolved.bytes, {
            fileName: resolved.fileName,
            // Uploads without a part Content-Type (telegraf sends none) get a type from the name.
            mimeType: resolved.mimeType ?? guessMimeType(resolved.fileName),
          });
    const message = {
      ...messageBase(ctx, chat),
      document: toDocument(file),
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

function readCaption(params: ApiParams): {
  caption?: string;
  caption_entities?: Message.CaptionableMessage['caption_entities'];
} {
  const raw = params.string('caption');
  if (raw === undefined || raw === '') return {};
  const { text, entities } = parseFormattedText(
    raw,
    params.string('parse_mode'),
    params.json('caption_entities'),
  );
  if (text.length > MAX_CAPTION_LENGTH) throw badRequest('message caption is too long');
  return { caption: text, caption_entities: entities };
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

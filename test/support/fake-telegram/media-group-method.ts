import type { Message } from 'telegraf/types';
import type { MethodHandler } from './bot-api-context.js';
import { badRequest } from './bot-api-error.js';
import { captionOf, storeDocument, storePhoto } from './media-methods.js';
import { messageBase, optionalFields, readReplyTo } from './outgoing-message.js';

/** One item of `media`, as the Bot API's InputMediaPhoto / InputMediaDocument. */
interface MediaItem {
  readonly type: 'photo' | 'document';
  readonly media: string;
  readonly caption?: string;
  readonly parse_mode?: string;
  readonly caption_entities?: unknown;
}

function readItems(raw: unknown): MediaItem[] {
  if (!Array.isArray(raw)) throw badRequest('field "media" must be an Array');
  // Telegram sends albums of 2 to 10 items.
  if (raw.length < 2 || raw.length > 10) throw badRequest('wrong number of media specified');
  const items = raw.map((item: unknown): MediaItem => {
    const { type, media, caption } = (item ?? {}) as Record<string, unknown>;
    if (type !== 'photo' && type !== 'document') throw badRequest(`unsupported media type "${String(type)}"`);
    if (typeof media !== 'string' || media === '') throw badRequest('media not found');
    if (caption !== undefined && typeof caption !== 'string')
      throw badRequest('field "caption" must be a String');
    return item as MediaItem;
  });
  // Documents travel in albums of documents only, as on Telegram.
  if (new Set(items.map((i) => i.type)).size > 1)
    throw badRequest("documents can't be mixed with other media types");
  return items;
}

/**
 * sendMediaGroup: one album, every message stored with the same `media_group_id`; returns the messages
 * in order. Reply markup is not allowed on albums (Telegram ignores it; the fake refuses it).
 */
export const mediaGroupMethods: Readonly<Record<string, MethodHandler>> = {
  async sendMediaGroup(ctx, params, call) {
    const chat = ctx.chats.resolve(params.chatId());
    const items = readItems(params.json('media'));
    if (params.has('reply_markup')) throw badRequest('reply markup is not allowed for media groups');
    const replyTo = readReplyTo(ctx, params, chat);
    // Check every caption before storing anything: an album is sent whole or not at all.
    const captions = items.map((i) => captionOf(i.caption, i.parse_mode, i.caption_entities));
    const inputs = items.map((i) => params.attachment(i.media));
    const content = [];
    for (const [i, item] of items.entries()) {
      const input = inputs[i] as (typeof inputs)[number];
      content.push(
        item.type === 'photo'
          ? { photo: await storePhoto(ctx, input, call.signal) }
          : { document: await storeDocument(ctx, input, call.signal) },
      );
    }
    const messages = content.map(
      (media, i) =>
        ({
          ...messageBase(ctx, chat),
          ...media,
          ...optionalFields({ ...captions[i], reply_to_message: replyTo }),
        }) as Message.PhotoMessage | Message.DocumentMessage,
    );
    // Unique per chat, like Telegram's: named after the album's first message.
    const groupId = String(10_000_000_000_000 + (messages[0]?.message_id ?? 0));
    for (const message of messages) {
      message.media_group_id = groupId;
      ctx.chats.store(message, true);
    }
    return messages;
  },
};

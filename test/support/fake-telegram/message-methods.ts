import type { Message } from 'telegraf/types';
import type { ApiParams } from './api-params.js';
import type { BotApiContext, MethodHandler } from './bot-api-context.js';
import { badRequest } from './bot-api-error.js';
import { parseFormattedText } from './formatted-text.js';
import { messageBase, optionalFields, readReplyMarkup, readReplyTo } from './outgoing-message.js';

/** Telegram's limit on a text message, after markup is stripped. */
export const MAX_TEXT_LENGTH = 4096;

const CHAT_ACTIONS = new Set([
  'typing',
  'upload_photo',
  'record_video',
  'upload_video',
  'record_voice',
  'upload_voice',
  'upload_document',
  'choose_sticker',
  'find_location',
  'record_video_note',
  'upload_video_note',
]);

const NOT_MODIFIED =
  'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';

/** sendMessage, editMessageText, editMessageReplyMarkup, deleteMessage, sendChatAction, answerCallbackQuery. */
export const messageMethods: Readonly<Record<string, MethodHandler>> = {
  sendMessage(ctx, params) {
    const chat = ctx.chats.resolve(params.chatId());
    const { text, entities } = readText(params);
    const replyMarkup = readReplyMarkup(params);
    const replyTo = readReplyTo(ctx, params, chat);
    const message = {
      ...messageBase(ctx, chat),
      text,
      ...optionalFields({ entities, reply_markup: replyMarkup, reply_to_message: replyTo }),
    } as Message.TextMessage;
    ctx.chats.store(message, true);
    return message;
  },

  editMessageText(ctx, params) {
    const stored = editableMessage(ctx, params);
    if (!('text' in stored)) throw badRequest('there is no text in the message to edit');
    const { text, entities } = readText(params);
    const replyMarkup = readReplyMarkup(params);
    const { entities: _oldEntities, reply_markup: _oldMarkup, edit_date: _oldEdit, ...rest } = stored;
    const edited = {
      ...rest,
      text,
      ...optionalFields({ entities, reply_markup: replyMarkup }),
    } as Message.TextMessage;
    if (sameContent(stored, edited)) throw badRequest(NOT_MODIFIED);
    edited.edit_date = ctx.nowSeconds();
    ctx.chats.replace(edited);
    return edited;
  },

  editMessageReplyMarkup(ctx, params) {
    const stored = editableMessage(ctx, params);
    const replyMarkup = readReplyMarkup(params);
    const { reply_markup: _old, edit_date: _oldEdit, ...rest } = stored;
    const edited = { ...rest, ...optionalFields({ reply_markup: replyMarkup }) } as Message.TextMessage;
    if (sameContent(stored, edited)) throw badRequest(NOT_MODIFIED);
    edited.edit_date = ctx.nowSeconds();
    ctx.chats.replace(edited);
    return edited;
  },

  deleteMessage(ctx, params) {
    const chat = ctx.chats.resolve(params.chatId());
    const messageId = params.int('message_id');
    if (messageId === undefined) throw badRequest('message identifier is not specified');
    if (!ctx.chats.delete(chat.id, messageId)) throw badRequest('message to delete not found');
    return true;
  },

  sendChatAction(ctx, params) {
    ctx.chats.resolve(params.chatId());
    if (!CHAT_ACTIONS.has(params.string('action') ?? ''))
      throw badRequest('wrong parameter action in request');
    return true;
  },

  answerCallbackQuery(ctx, params) {
    const id = params.string('callback_query_id');
    if (id === undefined || id === '')
      throw badRequest('query is too old and response timeout expired or query ID is invalid');
    const text = params.string('text');
    if (text !== undefined && text.length > 200) throw badRequest('MESSAGE_TOO_LONG');
    const showAlert = params.bool('show_alert');
    const url = params.string('url');
    ctx.callbacks.answer(id, {
      ...(text === undefined ? {} : { text }),
      ...(showAlert === undefined ? {} : { showAlert }),
      ...(url === undefined ? {} : { url }),
    });
    return true;
  },
};

function readText(params: ApiParams): { text: string; entities: Message.TextMessage['entities'] } {
  const formatted = parseFormattedText(
    params.string('text') ?? '',
    params.string('parse_mode'),
    params.json('entities'),
  );
  if (formatted.text.trim() === '') throw badRequest('message text is empty');
  if (formatted.text.length > MAX_TEXT_LENGTH) throw badRequest('message is too long');
  return formatted;
}

/** The bot's own, still existing message named by chat_id + message_id. */
function editableMessage(ctx: BotApiContext, params: ApiParams): Message.TextMessage {
  if (params.has('inline_message_id'))
    throw badRequest('inline messages are not supported by the fake Bot API');
  const chat = ctx.chats.resolve(params.chatId());
  const messageId = params.int('message_id');
  if (messageId === undefined) throw badRequest('message identifier is not specified');
  const found = ctx.chats.find(chat.id, messageId);
  if (found === undefined) throw badRequest('message to edit not found');
  if (!found.fromBot) throw badRequest("message can't be edited");
  return found.message as Message.TextMessage;
}

function sameContent(before: Message.TextMessage, after: Message.TextMessage): boolean {
  return (
    before.text === after.text &&
    JSON.stringify(before.entities ?? []) === JSON.stringify(after.entities ?? []) &&
    JSON.stringify(before.reply_markup ?? null) === JSON.stringify(after.reply_markup ?? null)
  );
}

import type { Chat, InlineKeyboardMarkup, Message } from 'telegraf/types';
import type { ApiParams } from './api-params.js';
import type { BotApiContext } from './bot-api-context.js';
import { badRequest } from './bot-api-error.js';

type ReplyMessage = NonNullable<Message.CommonMessage['reply_to_message']>;

/** The fields every message the bot sends has: a fresh id in the chat, the bot as sender, now. */
export function messageBase(
  ctx: BotApiContext,
  chat: Chat,
): Message.ServiceMessage & { from: BotApiContext['bot'] } {
  return { message_id: ctx.chats.nextMessageId(chat.id), from: ctx.bot, chat, date: ctx.nowSeconds() };
}

/**
 * Validate reply_markup as Telegram does (the 400s a bad keyboard earns in production) and return
 * the inline keyboard, the only kind Telegram attaches to the returned message.
 */
export function readReplyMarkup(params: ApiParams): InlineKeyboardMarkup | undefined {
  const markup = params.json('reply_markup');
  if (markup === undefined || markup === null) return undefined;
  if (typeof markup !== 'object') throw badRequest("can't parse reply keyboard markup JSON object");
  if ('inline_keyboard' in markup) return validateInlineKeyboard(markup.inline_keyboard);
  if ('keyboard' in markup) {
    if (!isRows(markup.keyboard)) throw badRequest('field "keyboard" must be an Array of Arrays');
    return undefined;
  }
  if ('remove_keyboard' in markup || 'force_reply' in markup) return undefined;
  throw badRequest("can't parse reply keyboard markup JSON object");
}

function validateInlineKeyboard(rows: unknown): InlineKeyboardMarkup {
  if (!isRows(rows)) throw badRequest('field "inline_keyboard" must be an Array of Arrays');
  for (const row of rows) {
    for (const button of row) {
      if (typeof button !== 'object' || button === null)
        throw badRequest("can't parse inline keyboard button");
      const fields = button as Record<string, unknown>;
      if (typeof fields.text !== 'string' || fields.text === '') throw badRequest('BUTTON_TEXT_INVALID');
      if ('callback_data' in fields) {
        const data = fields.callback_data;
        // The limit is 64 bytes, not characters: Vietnamese with diacritics hits it sooner.
        if (typeof data !== 'string' || data === '' || Buffer.byteLength(data, 'utf8') > 64)
          throw badRequest('BUTTON_DATA_INVALID');
      } else if ('url' in fields) {
        if (typeof fields.url !== 'string' || !URL.canParse(fields.url)) {
          throw badRequest(`inline keyboard button URL '${String(fields.url)}' is invalid`);
        }
      } else if (Object.keys(fields).length === 1) {
        throw badRequest('text buttons are unallowed in the inline keyboard');
      }
    }
  }
  return { inline_keyboard: rows as InlineKeyboardMarkup['inline_keyboard'] };
}

function isRows(value: unknown): value is unknown[][] {
  return Array.isArray(value) && value.every((row) => Array.isArray(row));
}

/** The message being replied to (reply_to_message_id or reply_parameters), as Telegram embeds it. */
export function readReplyTo(ctx: BotApiContext, params: ApiParams, chat: Chat): ReplyMessage | undefined {
  const parameters = params.json('reply_parameters');
  const fromParameters =
    typeof parameters === 'object' && parameters !== null && 'message_id' in parameters
      ? Number(parameters.message_id)
      : undefined;
  const messageId = fromParameters ?? params.int('reply_to_message_id');
  if (messageId === undefined) return undefined;
  const found = ctx.chats.find(chat.id, messageId);
  const allowWithout =
    params.bool('allow_sending_without_reply') === true ||
    (typeof parameters === 'object' &&
      parameters !== null &&
      'allow_sending_without_reply' in parameters &&
      parameters.allow_sending_without_reply === true);
  if (found === undefined) {
    if (allowWithout) return undefined;
    throw badRequest('message to be replied not found');
  }
  const { reply_to_message: _nested, ...flat } = found.message as Message.TextMessage;
  return flat as ReplyMessage;
}

/** Optional message fields, present only when they have a value (Telegram omits empty ones). */
export function optionalFields(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)),
  );
}

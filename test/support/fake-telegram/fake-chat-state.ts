import type { Chat, Message, User } from 'telegraf/types';
import { BotApiError, badRequest } from './bot-api-error.js';

interface StoredMessage {
  message: Message;
  readonly fromBot: boolean;
  deleted: boolean;
}

interface ChatRecord {
  readonly chat: Chat;
  lastMessageId: number;
  readonly messages: Map<number, StoredMessage>;
}

/**
 * What Telegram knows about chats: which exist, their message ids (one sequence per chat, shared by
 * both sides) and every message's current content, so edits and deletions act on the real thing.
 */
export class FakeChatState {
  readonly #chats = new Map<number, ChatRecord>();

  /** Make a chat known (a user wrote, the bot was added); keeps the existing record if any. */
  register(chat: Chat): void {
    if (!this.#chats.has(chat.id)) this.#chats.set(chat.id, { chat, lastMessageId: 0, messages: new Map() });
  }

  /** The chat a bot call targets, failing as Telegram does for chats the bot cannot reach. */
  resolve(chatId: number | string): Chat {
    const record = typeof chatId === 'number' ? this.#chats.get(chatId) : this.#byUsername(chatId);
    if (record !== undefined) return record.chat;
    if (typeof chatId === 'number' && chatId > 0) {
      throw new BotApiError(403, "Forbidden: bot can't initiate conversation with a user");
    }
    throw badRequest('chat not found');
  }

  /** The next message id in a chat. */
  nextMessageId(chatId: number): number {
    const record = this.#record(chatId);
    record.lastMessageId += 1;
    return record.lastMessageId;
  }

  /** Keep a message (sent by either side). */
  store(message: Message, fromBot: boolean): void {
    this.#record(message.chat.id).messages.set(message.message_id, { message, fromBot, deleted: false });
  }

  /** A message that still exists, with who sent it. */
  find(chatId: number, messageId: number): { message: Message; fromBot: boolean } | undefined {
    const stored = this.#chats.get(chatId)?.messages.get(messageId);
    return stored === undefined || stored.deleted ? undefined : stored;
  }

  /** Replace a message's content after an edit. */
  replace(message: Message): void {
    const stored = this.#chats.get(message.chat.id)?.messages.get(message.message_id);
    if (stored !== undefined) stored.message = message;
  }

  /** Mark a message deleted; false if there was nothing to delete. */
  delete(chatId: number, messageId: number): boolean {
    const stored = this.#chats.get(chatId)?.messages.get(messageId);
    if (stored === undefined || stored.deleted) return false;
    stored.deleted = true;
    return true;
  }

  /** The bot's messages in a chat, oldest first, as they look now (edits applied, deletions gone). */
  botMessages(chatId: number): Message[] {
    const record = this.#chats.get(chatId);
    if (record === undefined) return [];
    return [...record.messages.values()].filter((s) => s.fromBot && !s.deleted).map((s) => s.message);
  }

  #record(chatId: number): ChatRecord {
    const record = this.#chats.get(chatId);
    if (record === undefined) throw new Error(`chat ${chatId} is not registered`);
    return record;
  }

  #byUsername(name: string): ChatRecord | undefined {
    const wanted = name.slice(1).toLowerCase();
    return [...this.#chats.values()].find(
      (r) => 'username' in r.chat && r.chat.username?.toLowerCase() === wanted,
    );
  }
}

/** The private chat Telegram creates between the bot and a user. */
export function privateChatOf(user: User): Chat.PrivateChat {
  return {
    id: user.id,
    type: 'private',
    first_name: user.first_name,
    ...(user.last_name === undefined ? {} : { last_name: user.last_name }),
    ...(user.username === undefined ? {} : { username: user.username }),
  };
}

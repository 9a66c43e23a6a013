import type { Update, User } from 'telegraf/types';
import type { ChatInput, ChatKind, ChatMessage } from '../chat-message.js';

/** How a Telegram user is named in replies: first and last name, else the username ('' when none). */
export function telegramDisplayName(from: Pick<User, 'first_name' | 'last_name' | 'username'>): string {
  const name = [from.first_name, from.last_name].filter(Boolean).join(' ').trim();
  return (name || from.username || '').normalize('NFC');
}

function chatKind(type: string): ChatKind | undefined {
  if (type === 'private') return 'private';
  if (type === 'group' || type === 'supergroup') return 'group';
  return undefined;
}

/**
 * `/Baocao@sohoa_bot 12 …` → command 'baocao', args '12 …'. A command addressed to another bot
 * (`/start@otherbot`) is not ours: undefined. Commands are matched without regard to case, because
 * phones capitalise the first letter of a message.
 */
function parseCommand(text: string, botUsername: string | undefined): ChatInput | undefined {
  const match = /^\/([A-Za-z0-9_]+)(?:@([A-Za-z0-9_]+))?(?:\s+|$)/.exec(text);
  if (!match) return undefined;
  const [head, name = '', addressee] = match;
  if (addressee && botUsername && addressee.toLowerCase() !== botUsername.toLowerCase()) {
    return { kind: 'other' };
  }
  return { kind: 'command', command: name.toLowerCase(), args: text.slice(head.length).trim(), text };
}

const fold = (word: string) =>
  word.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();

/**
 * `/bao cao …`, `/Báo cáo …`: a phone's keyboard splits and accents the command, and Telegram then sees
 * only `/bao` (or no command at all). Read as `/baocao …`.
 */
function joinSplitCommand(text: string): string {
  const match = /^\/(\S+)\s+(\S+)(?=\s|$)/u.exec(text);
  if (!match || fold(match[1] ?? '') !== 'bao' || fold(match[2] ?? '') !== 'cao') return text;
  return `/baocao${text.slice(match[0].length)}`;
}

function messageInput(message: Record<string, unknown>, botUsername: string | undefined): ChatInput {
  if (typeof message.text === 'string') {
    const text = message.text.normalize('NFC');
    return parseCommand(joinSplitCommand(text), botUsername) ?? { kind: 'text', text };
  }
  const caption = typeof message.caption === 'string' ? { caption: message.caption.normalize('NFC') } : {};
  const document = message.document as
    { file_id: string; file_name?: string; mime_type?: string; file_size?: number } | undefined;
  if (document) {
    return {
      kind: 'file',
      file: {
        ref: document.file_id,
        name: document.file_name?.normalize('NFC'),
        mimeType: document.mime_type,
        size: document.file_size,
        ...caption,
      },
    };
  }
  if (Array.isArray(message.photo)) {
    // Telegram lists a photo's sizes smallest first: the last is the sharpest it kept.
    const largest = (message.photo as { file_id?: unknown; file_size?: unknown }[]).at(-1);
    if (typeof largest?.file_id !== 'string') return { kind: 'photo' };
    const size = typeof largest.file_size === 'number' ? largest.file_size : undefined;
    return {
      kind: 'photo',
      file: { ref: largest.file_id, name: undefined, mimeType: 'image/jpeg', size, ...caption },
    };
  }
  return { kind: 'other' };
}

/** The parts of a new or an edited message the neutral form needs. */
type AnyMessage = Pick<Extract<Update, { message: unknown }>['message'], 'chat' | 'from' | 'date'>;

function fromMessage(
  updateId: number,
  message: AnyMessage,
  botUsername: string | undefined,
  edited: boolean,
): ChatMessage | undefined {
  const kind = chatKind(message.chat.type);
  if (!kind) return undefined;
  return {
    platform: 'telegram',
    updateId,
    chat: { id: String(message.chat.id), kind, title: titleOf(message.chat) },
    from: message.from ? { id: String(message.from.id), name: telegramDisplayName(message.from) } : undefined,
    input: messageInput(message as unknown as Record<string, unknown>, botUsername),
    ...(edited ? { editOf: { sentAt: new Date(message.date * 1000) } } : {}),
  };
}

/** A stored Telegram update in the neutral form every chat feature handles; undefined: nothing to do. */
export function telegramUpdateToChatMessage(
  update: Update,
  botUsername: string | undefined,
): ChatMessage | undefined {
  const base = { platform: 'telegram', updateId: update.update_id };
  if ('message' in update) return fromMessage(update.update_id, update.message, botUsername, false);
  // An edit arrives as a new update of the same message: the features decide what it may change.
  if ('edited_message' in update) {
    return fromMessage(update.update_id, update.edited_message, botUsername, true);
  }
  if ('callback_query' in update) {
    const query = update.callback_query;
    const chat = query.message?.chat;
    const kind = chat ? chatKind(chat.type) : undefined;
    if (!chat || !kind || !('data' in query)) return undefined;
    return {
      ...base,
      chat: { id: String(chat.id), kind, title: titleOf(chat) },
      from: { id: String(query.from.id), name: telegramDisplayName(query.from) },
      input: { kind: 'choice', data: query.data, messageId: query.message?.message_id },
    };
  }
  if ('my_chat_member' in update) {
    const change = update.my_chat_member;
    const kind = chatKind(change.chat.type);
    if (!kind) return undefined;
    const wasOut = ['left', 'kicked'].includes(change.old_chat_member.status);
    const isIn = ['member', 'administrator'].includes(change.new_chat_member.status);
    // Only joining a group is news; a person blocking or unblocking the bot needs no answer.
    if (kind !== 'group' || !wasOut || !isIn) return undefined;
    return {
      ...base,
      chat: { id: String(change.chat.id), kind, title: titleOf(change.chat) },
      from: { id: String(change.from.id), name: telegramDisplayName(change.from) },
      input: { kind: 'added_to_group' },
    };
  }
  return undefined;
}

/** The chat a stored update came from, if any. */
export function telegramChatIdOf(update: Update): string | undefined {
  if ('message' in update) return String(update.message.chat.id);
  if ('edited_message' in update) return String(update.edited_message.chat.id);
  if ('callback_query' in update) {
    const id = update.callback_query.message?.chat.id;
    return id === undefined ? undefined : String(id);
  }
  if ('my_chat_member' in update) return String(update.my_chat_member.chat.id);
  return undefined;
}

function titleOf(chat: { type: string }): string | undefined {
  return 'title' in chat && typeof chat.title === 'string' ? chat.title.normalize('NFC') : undefined;
}

import type { Chat, ChatMember, Message, MessageEntity, Update, User } from 'telegraf/types';
import type { BotApiContext } from './bot-api-context.js';
import { privateChatOf } from './fake-chat-state.js';
import { guessMimeType } from './file-store.js';
import { toDocument } from './media-methods.js';

/** A user as tests describe one: id and first name, the rest optional. */
export type UserLike = Pick<User, 'id' | 'first_name'> & Partial<Omit<User, 'id' | 'first_name'>>;

/** A group chat as tests describe one (supergroup ids look like -100…). */
export interface GroupLike {
  readonly id: number;
  readonly type: 'group' | 'supergroup';
  readonly title: string;
  readonly username?: string;
}

/** A file a user sends. */
export interface UserDocument {
  readonly fileName: string;
  readonly bytes: Buffer | Uint8Array;
  readonly mimeType?: string;
  readonly caption?: string;
}

/** A picture a user sends as a photo (JPEG bytes and their pixel size). */
export interface UserPhoto {
  readonly bytes: Buffer | Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly caption?: string;
}

/** A message of the bot's, by value or by address. */
export type MessageRef = Pick<Message, 'message_id'> & { readonly chat: Pick<Chat, 'id'> };

// Telegram marks commands and mentions in what users type; telegraf's command() relies on the former.
const COMMAND = /(^|\s)(\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?)(?=$|[\s.,!?;:])/g;
const MENTION = /(^|\s)(@[A-Za-z0-9_]{5,32})(?=$|[\s.,!?;:])/g;

/** Builds the updates Telegram would produce when users act, keeping chat state in step. */
export class UpdateFactory {
  constructor(private readonly ctx: BotApiContext) {}

  /** A user sends text (a private chat unless `chat` is a group). */
  text(from: UserLike, text: string, chat?: GroupLike, replyTo?: MessageRef): Update {
    const entities = [
      ...findEntities(text, COMMAND, 'bot_command'),
      ...findEntities(text, MENTION, 'mention'),
    ];
    entities.sort((a, b) => a.offset - b.offset);
    return this.#userMessage(from, chat, { text, ...(entities.length === 0 ? {} : { entities }) }, replyTo);
  }

  /** A user sends a file: it is stored (getFile and the download route serve it) and delivered. */
  /** A user sends a picture as a photo: one size, as Telegram keeps for a small enough image. */
  photo(from: UserLike, photo: UserPhoto, chat?: GroupLike): Update {
    const file = this.ctx.files.register('photo', Buffer.from(photo.bytes), {
      mimeType: 'image/jpeg',
      width: photo.width,
      height: photo.height,
    });
    const size = {
      file_id: file.fileId,
      file_unique_id: file.fileUniqueId,
      file_size: file.bytes.length,
      width: photo.width,
      height: photo.height,
    };
    const caption = photo.caption === undefined ? {} : { caption: photo.caption };
    return this.#userMessage(from, chat, { photo: [size], ...caption });
  }

  document(from: UserLike, document: UserDocument, chat?: GroupLike): Update {
    const file = this.ctx.files.register('document', Buffer.from(document.bytes), {
      fileName: document.fileName,
      mimeType: document.mimeType ?? guessMimeType(document.fileName),
    });
    const caption = document.caption === undefined ? {} : { caption: document.caption };
    return this.#userMessage(from, chat, { document: toDocument(file), ...caption });
  }

  /** A user presses an inline button on one of the bot's messages (as it looks now). */
  press(from: UserLike, ref: MessageRef, callbackData: string): Update {
    const found = this.ctx.chats.find(ref.chat.id, ref.message_id);
    if (found === undefined) {
      throw new Error(
        `pressButton: message ${ref.message_id} in chat ${ref.chat.id} does not exist (never sent, or deleted)`,
      );
    }
    const keyboard =
      'reply_markup' in found.message ? (found.message.reply_markup?.inline_keyboard ?? []) : [];
    const data = keyboard
      .flat()
      .flatMap((button) => ('callback_data' in button ? [button.callback_data] : []));
    if (!data.includes(callbackData)) {
      const available =
        data.length === 0
          ? 'it has no callback buttons'
          : `its buttons carry ${data.map((d) => JSON.stringify(d)).join(', ')}`;
      throw new Error(
        `pressButton: message ${ref.message_id} in chat ${ref.chat.id} has no button "${callbackData}"; ${available}`,
      );
    }
    return this.ctx.inject({
      callback_query: {
        id: this.ctx.callbacks.issue(),
        from: toUser(from),
        message: found.message,
        chat_instance: String(Math.abs(ref.chat.id) * 31 + this.ctx.bot.id),
        data: callbackData,
      },
    });
  }

  /** A user adds the bot to a group: Telegram sends my_chat_member, then the service message. */
  botAdded(from: UserLike, group: GroupLike, asAdmin: boolean): [Update, Update] {
    const chat = toGroupChat(group);
    this.ctx.chats.register(chat);
    // In membership objects Telegram describes the bot as a plain User, without getMe's extras.
    const bot: User = {
      id: this.ctx.bot.id,
      is_bot: true,
      first_name: this.ctx.bot.first_name,
      username: this.ctx.bot.username,
    };
    const member: ChatMember = asAdmin
      ? {
          status: 'administrator',
          user: bot,
          can_be_edited: false,
          is_anonymous: false,
          can_manage_chat: true,
          can_delete_messages: true,
          can_manage_video_chats: false,
          can_restrict_members: false,
          can_promote_members: false,
          can_change_info: false,
          can_invite_users: true,
        }
      : { status: 'member', user: bot };
    const membership = this.ctx.inject({
      my_chat_member: {
        chat,
        from: toUser(from),
        date: this.ctx.nowSeconds(),
        old_chat_member: { status: 'left', user: bot },
        new_chat_member: member,
      },
    });
    const service = this.#userMessage(from, group, { new_chat_members: [bot] });
    return [membership, service];
  }

  #userMessage(
    from: UserLike,
    group: GroupLike | undefined,
    content: Record<string, unknown>,
    replyTo?: MessageRef,
  ): Update {
    const user = toUser(from);
    const chat = group === undefined ? privateChatOf(user) : toGroupChat(group);
    this.ctx.chats.register(chat);
    let reply: Message | undefined;
    if (replyTo !== undefined) {
      reply = this.ctx.chats.find(replyTo.chat.id, replyTo.message_id)?.message;
      if (reply === undefined)
        throw new Error(`reply target ${replyTo.message_id} in chat ${replyTo.chat.id} does not exist`);
    }
    const message = {
      message_id: this.ctx.chats.nextMessageId(chat.id),
      from: user,
      chat,
      date: this.ctx.nowSeconds(),
      ...content,
      ...(reply === undefined ? {} : { reply_to_message: reply }),
    } as Message.TextMessage & { chat: Exclude<Chat, Chat.ChannelChat> };
    this.ctx.chats.store(message, false);
    return this.ctx.inject({ message: message as Update.MessageUpdate['message'] });
  }
}

/** Fill in what Telegram always sends about a user. */
export function toUser(from: UserLike): User {
  return { ...from, is_bot: from.is_bot ?? false };
}

function toGroupChat(group: GroupLike): Chat.GroupChat | Chat.SupergroupChat {
  if (group.id >= 0) throw new Error(`group chat ids are negative, got ${group.id}`);
  return group.type === 'group'
    ? { id: group.id, type: 'group', title: group.title }
    : {
        id: group.id,
        type: 'supergroup',
        title: group.title,
        ...(group.username === undefined ? {} : { username: group.username }),
      };
}

function findEntities(text: string, pattern: RegExp, type: 'bot_command' | 'mention'): MessageEntity[] {
  return [...text.matchAll(pattern)].map((match) => ({
    type,
    offset: (match.index ?? 0) + (match[1]?.length ?? 0),
    length: match[2]?.length ?? 0,
  }));
}

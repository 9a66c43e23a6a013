import { createHash } from 'node:crypto';
import type { ChatInput, ChatMessage } from '../chat-message.js';
import { textToChatInput } from '../command-words.js';

/** One attachment of an OA webhook event (a file's `size` is a string; its `type` is the extension). */
export interface ZaloOaAttachment {
  readonly type: string;
  readonly payload?: {
    readonly url?: string;
    readonly name?: string;
    readonly size?: string | number;
    readonly type?: string;
    readonly thumbnail?: string;
  };
}

/** An OA webhook event as Zalo posts it (docs/zalo-oa.md). */
export interface ZaloOaEvent {
  readonly app_id?: string;
  readonly event_name?: string;
  readonly timestamp?: string | number;
  readonly sender?: { readonly id?: string };
  readonly recipient?: { readonly id?: string };
  /** `follow` / `unfollow` name the person here. */
  readonly follower?: { readonly id?: string };
  readonly message?: {
    readonly msg_id?: string;
    readonly text?: string;
    readonly attachments?: readonly ZaloOaAttachment[];
  };
}

/** The platform key of the OA channel in the inbox, the outbox and members. */
export const ZALO_OA_PLATFORM = 'zalo-oa';

/** Group chats (GMF) are told from people by this prefix on their chat id: Zalo's ids look alike. */
export const GROUP_PREFIX = 'g:';

const GROUP_EVENT = /^user_send_group_/;

/**
 * Whether an event is a person writing to the OA, which opens their free window. Writing in a group is
 * not counted: whether it opens the person's own window is not documented, and guessing wrong would
 * price their sends as free.
 */
export function isInboundMessage(event: ZaloOaEvent): boolean {
  const name = event.event_name ?? '';
  return name.startsWith('user_send_') && !GROUP_EVENT.test(name);
}

/** The person an event comes from. */
export function zaloOaSenderId(event: ZaloOaEvent): string | undefined {
  return event.sender?.id ?? event.follower?.id;
}

/**
 * The inbox key of an event: its `msg_id` (or, for events without one, its name, sender and time),
 * hashed to a 48-bit integer. Zalo's ids are hex strings; the inbox keys updates by number, and a
 * repeated delivery of the same message must land on the same key.
 */
export function zaloOaUpdateId(event: ZaloOaEvent): number {
  const key =
    event.message?.msg_id ??
    `${event.event_name ?? ''}:${zaloOaSenderId(event) ?? ''}:${String(event.timestamp ?? '')}`;
  return createHash('sha256').update(key).digest().readUIntBE(0, 6);
}

/** The time an event happened (Zalo sends milliseconds, as a string). */
export function zaloOaEventTime(event: ZaloOaEvent): Date | undefined {
  const ms = Number(event.timestamp);
  return Number.isFinite(ms) && ms > 0 ? new Date(ms) : undefined;
}

function fileInput(attachment: ZaloOaAttachment | undefined): ChatInput {
  const payload = attachment?.payload;
  if (!payload?.url) return { kind: 'other' };
  const size = Number(payload.size);
  const name = payload.name?.normalize('NFC');
  return {
    kind: 'file',
    file: {
      ref: payload.url,
      name,
      mimeType:
        (payload.type ?? name?.split('.').pop())?.toLowerCase() === 'pdf' ? 'application/pdf' : undefined,
      size: Number.isSafeInteger(size) && size >= 0 ? size : undefined,
    },
  };
}

/**
 * A photo as Telegram's: fetched by its full-size `url` (never the thumbnail, too small to convert),
 * with no name of its own, so the converter names it as any photo (an `anh-<msg_id>` name would lend
 * the msg_id's digits to the case name). The text sent with it, when Zalo passes one, is its caption.
 */
function photoInput(event: ZaloOaEvent): ChatInput {
  const url = event.message?.attachments?.find((a) => a.type === 'image')?.payload?.url;
  // Without a link the photo cannot be fetched: the person gets the scan-to-PDF advice, as before.
  if (typeof url !== 'string' || url === '') return { kind: 'photo' };
  const text = event.message?.text;
  // Zalo has been seen sending `"text": ""` with an image: a blank text is no caption.
  const caption = typeof text === 'string' && text.trim() !== '' ? { caption: text.normalize('NFC') } : {};
  return {
    kind: 'photo',
    file: {
      ref: url,
      name: undefined,
      mimeType: /\.png$/i.test(url.split(/[?#]/)[0] ?? '') ? 'image/png' : 'image/jpeg',
      size: undefined,
      ...caption,
    },
  };
}

function inputOf(event: ZaloOaEvent, kind: string): ChatInput {
  switch (kind) {
    case 'text':
      return typeof event.message?.text === 'string'
        ? textToChatInput(event.message.text)
        : { kind: 'other' };
    case 'file':
      return fileInput(event.message?.attachments?.find((a) => a.type === 'file'));
    case 'image':
      return photoInput(event);
    default:
      return { kind: 'other' };
  }
}

/**
 * An OA event in the neutral form. A follow is read as `start` without a code (the bot says how to
 * join); `user_send_group_*` events (GMF) come from the group in `recipient.id`; the OA's own echoes
 * (`oa_*`), delivery and seen receipts are nothing to handle.
 */
export function zaloOaEventToChatMessage(event: ZaloOaEvent): ChatMessage | undefined {
  const name = event.event_name ?? '';
  const userId = zaloOaSenderId(event);
  if (!userId) return undefined;
  const base = {
    platform: ZALO_OA_PLATFORM,
    updateId: zaloOaUpdateId(event),
    from: { id: userId, name: '' },
  };
  if (name === 'follow') {
    return {
      ...base,
      chat: { id: userId, kind: 'private', title: undefined },
      input: { kind: 'command', command: 'start', args: '', text: '/start' },
    };
  }
  if (GROUP_EVENT.test(name)) {
    const groupId = event.recipient?.id;
    if (!groupId) return undefined;
    return {
      ...base,
      chat: { id: `${GROUP_PREFIX}${groupId}`, kind: 'group', title: undefined },
      input: inputOf(event, name.slice('user_send_group_'.length)),
    };
  }
  if (!name.startsWith('user_send_')) return undefined;
  return {
    ...base,
    chat: { id: userId, kind: 'private', title: undefined },
    input: inputOf(event, name.slice('user_send_'.length)),
  };
}

/** The chat to tell when an event could not be handled. */
export function zaloOaChatIdOf(event: ZaloOaEvent): string | undefined {
  return zaloOaEventToChatMessage(event)?.chat.id;
}

import { createHash } from 'node:crypto';
import type { ChatInput, ChatKind, ChatMessage } from '../chat-message.js';
import { textToChatInput } from '../command-words.js';

/** The inbox/outbox/member key of the Zalo Bot Platform. */
export const ZALO_BOT_PLATFORM = 'zalo-bot';

/** One update as getUpdates and the webhook give it (ZALO-WIRE §1; docs/zalo.md). */
export interface ZaloBotUpdate {
  readonly event_name?: string;
  readonly message?: {
    readonly from?: { readonly id?: string; readonly display_name?: string; readonly is_bot?: boolean };
    readonly chat?: { readonly id?: string; readonly chat_type?: string };
    readonly text?: string;
    readonly message_id?: string;
    /** Milliseconds. */
    readonly date?: number;
    readonly photo_url?: string;
    readonly photo?: string;
    readonly caption?: string;
  };
}

/**
 * The inbox's update id for a Zalo message: Zalo's ids are hex strings (often longer than a bigint), so
 * the inbox keys on 52 bits of their SHA-256 — the same message stored twice (a webhook retry, a poll
 * after a crash) collides with itself and is ignored; two different messages colliding is a 1 in 2^52
 * chance per pair. Undefined when the update names no message.
 */
export function zaloBotUpdateId(update: ZaloBotUpdate): number | undefined {
  const id = update.message?.message_id;
  if (typeof id !== 'string' || id === '') return undefined;
  return Number.parseInt(createHash('sha256').update(id).digest('hex').slice(0, 13), 16);
}

function chatKind(type: string | undefined): ChatKind | undefined {
  if (type === undefined || type === 'PRIVATE') return 'private';
  if (type === 'GROUP') return 'group';
  return undefined;
}

function inputOf(update: ZaloBotUpdate): ChatInput {
  const message = update.message ?? {};
  switch (update.event_name) {
    case 'message.text.received':
      return typeof message.text === 'string' ? textToChatInput(message.text) : { kind: 'other' };
    case 'message.image.received':
      return { kind: 'photo' };
    case 'message.unsupported.received':
      return { kind: 'unsupported' };
    default:
      return { kind: 'other' };
  }
}

/** A stored Zalo Bot update in the neutral form; undefined when there is nothing to answer. */
export function zaloBotUpdateToChatMessage(update: ZaloBotUpdate): ChatMessage | undefined {
  const message = update.message;
  const updateId = zaloBotUpdateId(update);
  const chatId = message?.chat?.id;
  const kind = chatKind(message?.chat?.chat_type);
  if (!message || updateId === undefined || typeof chatId !== 'string' || !kind) return undefined;
  if (message.from?.is_bot === true) return undefined;
  const fromId = message.from?.id;
  return {
    platform: ZALO_BOT_PLATFORM,
    updateId,
    chat: { id: chatId, kind, title: undefined },
    from:
      typeof fromId === 'string'
        ? { id: fromId, name: (message.from?.display_name ?? '').normalize('NFC').trim() }
        : undefined,
    input: inputOf(update),
  };
}

/** The chat a stored update came from. */
export function zaloBotChatIdOf(update: ZaloBotUpdate): string | undefined {
  const id = update.message?.chat?.id;
  return typeof id === 'string' ? id : undefined;
}

/**
 * The update inside what Zalo sent: the docs wrap webhook bodies as `{ok, result: {event_name, message}}`,
 * others saw them bare; getUpdates gives the `result`. Undefined when it is neither.
 */
export function unwrapZaloBotUpdate(body: unknown): ZaloBotUpdate | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const wrapped = body as { result?: unknown; event_name?: unknown };
  const update = typeof wrapped.event_name === 'string' ? body : wrapped.result;
  if (typeof update !== 'object' || update === null) return undefined;
  if (typeof (update as ZaloBotUpdate).event_name !== 'string') return undefined;
  return update as ZaloBotUpdate;
}

import type { ChatKind, ChatMessage } from './chat-message.js';
import type { OutboxRow } from '../db/outbox.table.js';

/** What to do after a failed delivery. */
export type DeliveryFailure =
  | { readonly kind: 'retry_after'; readonly seconds: number }
  /** 5xx (`status` set: the platform answered, so it did not count the message) or no answer at all. */
  | { readonly kind: 'transient'; readonly status?: number }
  /** The person blocked the bot or left: deactivate them. */
  | { readonly kind: 'blocked' }
  | { readonly kind: 'permanent' };

/** A downloaded file, or why it was not downloaded. */
export type DownloadResult =
  | { readonly ok: true; readonly bytes: Buffer }
  | { readonly ok: false; readonly reason: 'too_large'; readonly size?: number };

/** What a platform allows, so that features and the sender stay inside it. */
export interface ChannelLimits {
  /** Longest text message, in UTF-16 code units (String#length). */
  readonly textLength: number;
  /** Longest caption of a photo or document. */
  readonly captionLength: number;
  /** Largest file the bot can fetch from a user. */
  readonly downloadBytes: number;
  /**
   * How a message's choices are shown: as buttons (Telegram; the default when absent) or as a numbered
   * list the person answers by typing the number (Zalo), which numbered-choice.feature.ts reads back.
   */
  readonly choiceStyle?: 'buttons' | 'numbers';
}

/**
 * One messaging platform, as the rest of sohoa sees it. Everything platform-shaped — update formats,
 * buttons, file handles, message limits, error codes — stays behind this interface; the chat features,
 * services, jobs and reports never know which platform a person uses. Intake (long polling, webhooks)
 * is the adapter's own business: it stores raw updates in the inbox under `platform`.
 */
export interface Channel {
  /** The inbox/outbox/member platform key, e.g. 'telegram'. */
  readonly platform: string;
  readonly limits: ChannelLimits;
  /** A stored raw update in the neutral form; undefined when there is nothing to handle. */
  toChatMessage(update: unknown): ChatMessage | undefined;
  /** Whether an outbox chat id is one person or a group (rate limits and deactivation differ). */
  chatKindOf(chatId: string): ChatKind;
  /** The chat an update came from, to tell the person when their update could not be handled. */
  chatIdOf(update: unknown): string | undefined;
  /** Fetches a file a person sent, never holding more than `maxBytes`. */
  download(ref: string, maxBytes: number): Promise<DownloadResult>;
  /** Performs one outbox row (neutral payload); returns what the platform answered (kept as the result). */
  deliver(row: OutboxRow, signal?: AbortSignal): Promise<unknown>;
  /** What the sender should do after `deliver` threw. */
  classifyError(error: unknown): DeliveryFailure;
  /** Platform courtesy after an update was handled (e.g. stopping a button's spinner); may fail silently. */
  acknowledge(update: unknown): Promise<void>;
}

/** The channels of one process, by platform key. */
export type ChannelSet = ReadonlyMap<string, Channel>;

/** Builds a ChannelSet, refusing two channels with the same key. */
export function channelSet(...channels: Channel[]): ChannelSet {
  const map = new Map<string, Channel>();
  for (const channel of channels) {
    if (map.has(channel.platform)) throw new Error(`two channels for platform ${channel.platform}`);
    map.set(channel.platform, channel);
  }
  return map;
}

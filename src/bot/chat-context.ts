import type { ChannelLimits } from '../channels/channel.js';
import type { ChatMessage } from '../channels/chat-message.js';
import type { Campaign } from '../domain/campaign.js';
import type { Clock } from '../domain/clock.js';
import type { Db } from '../db/database.js';
import type { MemberRow } from '../db/member.table.js';
import type { NewOutboxMessage } from '../db/outbox.repository.js';
import type { UnitRow } from '../db/unit.table.js';
import type { OutboxChoice } from '../outbox/outbox-payload.js';
import type { PreparedWork } from './prepared-work.js';

/** Options of an outgoing text. */
export interface ReplyOptions {
  /** Rows of choices (Telegram shows buttons; other channels their own way). */
  readonly choices?: readonly (readonly OutboxChoice[])[];
  /** Send to this chat instead of the update's own. */
  readonly chatId?: string;
}

/** What every handler gets for the update it handles; all of it scoped to the update's transaction. */
export interface UpdateDeps {
  /** The transaction the whole update runs in: its effects and its "handled" mark commit together. */
  readonly db: Db;
  /** The campaign this update belongs to (resolved from its sender, its chat or its invite code). */
  readonly campaign: Campaign;
  /** Every campaign this deployment serves, the default first (for /chondot and the national view). */
  readonly campaigns: readonly Campaign[];
  readonly clock: Clock;
  readonly platform: string;
  readonly updateId: number;
  /** The inbox row of the update (recorded with what it caused). */
  readonly inboxId: number;
  /** What the channel allows (text length…). */
  readonly limits: ChannelLimits;
  /** The sender's membership, when they have joined (active or not). */
  readonly member: MemberRow | undefined;
  /** The member's unit, when they have joined. */
  readonly unit: UnitRow | undefined;
  /** Slow work done for this update before its transaction (downloads, inspection, rendering). */
  readonly prepared: PreparedWork;
  /** Enqueues a text to the current chat (or `options.chatId`) through the outbox. */
  reply(text: string, options?: ReplyOptions): Promise<void>;
  /** Enqueues an edit of the message the current choice came from (a new message when there is none). */
  editCurrent(text: string, options?: ReplyOptions): Promise<void>;
  /** Enqueues a document (e.g. a CSV) to the current chat. */
  replyDocument(fileName: string, bytes: Buffer, caption?: string): Promise<void>;
  /** Enqueues prepared messages; their dedupe keys must derive from `updateId`. */
  enqueue(messages: readonly NewOutboxMessage[]): Promise<void>;
  /** The current chat's id, as the outbox stores it. */
  readonly chatId: string;
}

/** The context of one update in a chat feature, the same for every channel. */
export interface ChatContext {
  readonly message: ChatMessage;
  readonly sohoa: UpdateDeps;
  /** The groups of the pattern a `choice` handler matched. */
  match: RegExpExecArray | undefined;
}

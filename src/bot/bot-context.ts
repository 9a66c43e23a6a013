import { Context } from 'telegraf';
import type { Campaign } from '../domain/campaign.js';
import type { Clock } from '../domain/clock.js';
import type { Db } from '../db/database.js';
import type { NewOutboxMessage } from '../db/outbox.repository.js';
import type { MemberRow } from '../db/member.table.js';
import type { UnitRow } from '../db/unit.table.js';

/** An inline button: a label and the callback data it sends back. */
export interface InlineButton {
  readonly text: string;
  readonly data: string;
}

/** Options of an outgoing text. */
export interface ReplyOptions {
  /** Rows of inline buttons. */
  readonly buttons?: readonly (readonly InlineButton[])[];
  /** Send to this chat instead of the update's own (e.g. a coordinator's note to a commune). */
  readonly chatId?: string;
}

/** What every handler gets for the update it handles; all of it scoped to the update's transaction. */
export interface UpdateDeps {
  /** The transaction the whole update runs in: its effects and its "handled" mark commit together. */
  readonly db: Db;
  readonly campaign: Campaign;
  readonly clock: Clock;
  readonly platform: 'telegram';
  readonly updateId: number;
  /** The sender's membership, when they have joined (active or not). */
  member: MemberRow | undefined;
  /** The member's unit, when they have joined. */
  unit: UnitRow | undefined;
  /** Enqueues a text to the current chat (or `options.chatId`) through the outbox. */
  reply(text: string, options?: ReplyOptions): Promise<void>;
  /** Enqueues an edit of the message the current callback query came from. */
  editCurrent(text: string, options?: ReplyOptions): Promise<void>;
  /** Enqueues a document (e.g. a CSV) to the current chat. */
  replyDocument(fileName: string, bytes: Buffer, caption?: string): Promise<void>;
  /** Enqueues prepared messages; their dedupe keys must derive from `updateId`. */
  enqueue(messages: readonly NewOutboxMessage[]): Promise<void>;
  /** The current chat's id, as the outbox stores it. */
  readonly chatId: string;
}

/** The bot's context type, defined once. */
export class SohoaContext extends Context {
  declare sohoa: UpdateDeps;
}

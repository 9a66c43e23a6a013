import type { Generated, Insertable, Selectable } from 'kysely';
import type { JsonColumn } from './column-types.js';

/**
 * What an outbox row asks the sender to do. 'album': several images shown together (their bytes
 * concatenated in the attachment); 'menu': the list of commands a person's chat offers.
 */
export type OutboxKind = 'text' | 'photo' | 'document' | 'edit' | 'album' | 'menu';

/** Row of `outbox`: one outbound message, written in the transaction that caused it. */
export interface OutboxTable {
  id: Generated<number>;
  dedupe_key: string;
  platform: string;
  chat_id: string;
  kind: OutboxKind;
  payload: JsonColumn<unknown>;
  attachment: Buffer | null;
  status: Generated<'pending' | 'sent' | 'failed'>;
  attempts: Generated<number>;
  next_attempt_at: Date;
  last_error: string | null;
  result: JsonColumn<unknown> | null;
  created_at: Date;
  sent_at: Date | null;
  /** When the retention job removed its text and attachment. */
  redacted_at: Date | null;
}
export type OutboxRow = Selectable<OutboxTable>;
export type NewOutboxRow = Insertable<OutboxTable>;

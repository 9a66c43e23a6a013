import type { Generated, Selectable } from 'kysely';
import type { JsonColumn } from './campaign.table.js';

/** Row of `inbox`: a raw platform update, stored before it is handled. */
export interface InboxTable {
  id: Generated<number>;
  platform: string;
  update_id: number;
  payload: JsonColumn<unknown>;
  status: Generated<'pending' | 'done' | 'failed'>;
  attempts: Generated<number>;
  last_error: string | null;
  received_at: Date;
  handled_at: Date | null;
}
export type InboxRow = Selectable<InboxTable>;

/** What an outbox row asks the sender to do. */
export type OutboxKind = 'text' | 'photo' | 'document' | 'edit';

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
}
export type OutboxRow = Selectable<OutboxTable>;

/** Row of `job_runs`: the ledger that makes each (job, slot) run once. */
export interface JobRunTable {
  id: Generated<number>;
  job: string;
  slot: string;
  status: 'running' | 'done' | 'failed' | 'skipped';
  instance: string;
  started_at: Date;
  finished_at: Date | null;
  outcome: JsonColumn<unknown> | null;
}
export type JobRunRow = Selectable<JobRunTable>;

/** Row of `audit_log`. */
export interface AuditLogTable {
  id: Generated<number>;
  at: Date;
  actor: string;
  action: string;
  campaign_id: number | null;
  details: JsonColumn<unknown>;
}

/** Row of `conversations`: the state of a multi-step chat with one user. */
export interface ConversationTable {
  platform: string;
  chat_id: string;
  user_id: string;
  kind: string;
  state: JsonColumn<unknown>;
  updated_at: Date;
  expires_at: Date;
}

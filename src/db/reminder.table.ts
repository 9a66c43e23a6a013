import type { Generated, Kysely, Selectable } from 'kysely';
import type { JsonColumn } from './campaign.table.js';
import type { Db } from './database.js';
import type { DatabaseSchema } from './database-schema.js';
import type { JobRunTable } from './messaging.table.js';

/** Who a coordinator's broadcast goes to. */
export type BroadcastAudience = 'chuabaocao' | 'cham' | 'tatca' | 'unit';

/** One person a broadcast reaches: a reporter's chat, and the commune they report for. */
export interface BroadcastRecipient {
  readonly platform: string;
  readonly chatId: string;
  readonly unitId: number;
}

/** Row of `broadcasts` (migration 0002): a coordinator's /nhacnho, pending until confirmed. */
export interface BroadcastTable {
  id: Generated<number>;
  campaign_id: number;
  member_id: number;
  platform: string;
  chat_id: string;
  audience: BroadcastAudience;
  audience_unit_id: number | null;
  text: string;
  recipients: JsonColumn<BroadcastRecipient[]>;
  status: Generated<'pending' | 'confirmed' | 'cancelled'>;
  created_at: Date;
  expires_at: Date;
  decided_at: Date | null;
}
export type BroadcastRow = Selectable<BroadcastTable>;

/** `job_runs` with the attempt counter migration 0002 adds. */
export interface JobRunWithAttemptsTable extends JobRunTable {
  attempts: Generated<number>;
}
export type JobRunWithAttemptsRow = Selectable<JobRunWithAttemptsTable>;

/** The tables migration 0002 adds or changes, for Kysely's `withTables`. */
export type ReminderTables = {
  broadcasts: BroadcastTable;
  job_runs: JobRunWithAttemptsTable;
};

/** The database typed with the reminder tables. */
export type ReminderDb = Kysely<DatabaseSchema & ReminderTables>;

/**
 * The same database or transaction typed with the reminder tables (the shared DatabaseSchema does not
 * list them yet); it runs on the same connection, so a caller's transaction is kept.
 */
export function reminderDb(db: Db): ReminderDb {
  return db.withTables<ReminderTables>();
}

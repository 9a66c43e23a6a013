import type { Db } from './database.js';
import {
  reminderDb,
  type BroadcastAudience,
  type BroadcastRecipient,
  type BroadcastRow,
} from './reminder.table.js';

/** Stores a coordinator's broadcast, pending their confirmation; returns its id. */
export async function insertBroadcast(
  db: Db,
  row: {
    campaign_id: number;
    member_id: number;
    platform: string;
    chat_id: string;
    audience: BroadcastAudience;
    audience_unit_id: number | null;
    text: string;
    recipients: readonly BroadcastRecipient[];
    created_at: Date;
    expires_at: Date;
  },
): Promise<number> {
  const inserted = await reminderDb(db)
    .insertInto('broadcasts')
    .values({ ...row, recipients: JSON.stringify(row.recipients), status: 'pending', decided_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** A broadcast, locked for a decision (confirm or cancel) until the caller's transaction ends. */
export async function findBroadcastForUpdate(db: Db, id: number): Promise<BroadcastRow | undefined> {
  return reminderDb(db)
    .selectFrom('broadcasts')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** A broadcast. */
export async function findBroadcast(db: Db, id: number): Promise<BroadcastRow | undefined> {
  return reminderDb(db).selectFrom('broadcasts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Records the coordinator's decision. */
export async function decideBroadcast(
  db: Db,
  id: number,
  status: 'confirmed' | 'cancelled',
  at: Date,
): Promise<void> {
  await reminderDb(db)
    .updateTable('broadcasts')
    .set({ status, decided_at: at })
    .where('id', '=', id)
    .execute();
}

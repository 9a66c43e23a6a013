import type { BroadcastRecipient, BroadcastRow, NewBroadcastRow } from './broadcast.table.js';
import type { Db } from './database.js';

/** A broadcast to store: the row, with its recipients as a list rather than JSON text. */
export type NewBroadcast = Omit<NewBroadcastRow, 'id' | 'recipients' | 'status' | 'decided_at'> & {
  readonly recipients: readonly BroadcastRecipient[];
};

/** Stores a coordinator's broadcast, pending their confirmation; returns its id. */
export async function insertBroadcast(db: Db, row: NewBroadcast): Promise<number> {
  const inserted = await db
    .insertInto('broadcasts')
    .values({ ...row, recipients: JSON.stringify(row.recipients), status: 'pending', decided_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** A broadcast, locked for a decision (confirm or cancel) until the caller's transaction ends. */
export async function findBroadcastForUpdate(db: Db, id: number): Promise<BroadcastRow | undefined> {
  return db.selectFrom('broadcasts').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** A broadcast. */
export async function findBroadcast(db: Db, id: number): Promise<BroadcastRow | undefined> {
  return db.selectFrom('broadcasts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Records the coordinator's decision. */
export async function decideBroadcast(
  db: Db,
  id: number,
  status: 'confirmed' | 'cancelled',
  at: Date,
): Promise<void> {
  await db.updateTable('broadcasts').set({ status, decided_at: at }).where('id', '=', id).execute();
}

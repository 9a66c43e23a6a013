import { sql } from 'kysely';
import type { Db } from './database.js';
import type { InboxRow, NewInboxRow } from './inbox.table.js';

/** Stores an update unless it is already there; true when it was new. */
export async function insertInboxUpdate(
  db: Db,
  row: Pick<NewInboxRow, 'platform' | 'update_id' | 'received_at'> & { readonly payload: unknown },
): Promise<boolean> {
  const inserted = await db
    .insertInto('inbox')
    .values({ ...row, payload: JSON.stringify(row.payload), last_error: null, handled_at: null })
    .onConflict((oc) => oc.columns(['platform', 'update_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/**
 * Locks the oldest pending update no other worker holds. Must run inside the transaction that
 * handles it: the row lock is what stops a second instance from handling it at the same time.
 */
export async function lockNextPendingUpdate(db: Db, platform: string): Promise<InboxRow | undefined> {
  return db
    .selectFrom('inbox')
    .selectAll()
    .where('platform', '=', platform)
    .where('status', '=', 'pending')
    .orderBy('id')
    .limit(1)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
}

/** Marks an update handled. */
export async function markInboxDone(db: Db, id: number, at: Date): Promise<void> {
  await db.updateTable('inbox').set({ status: 'done', handled_at: at }).where('id', '=', id).execute();
}

/** Records a failed attempt; after `maxAttempts` the update is parked as failed for an operator. */
export async function recordInboxFailure(
  db: Db,
  id: number,
  error: string,
  maxAttempts: number,
): Promise<void> {
  await db
    .updateTable('inbox')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      last_error: error.slice(0, 2000),
      status: sql<
        'pending' | 'failed'
      >`case when attempts + 1 >= ${maxAttempts} then 'failed' else 'pending' end`,
    }))
    .where('id', '=', id)
    .execute();
}

/** Counts updates by status (for tests and health output). */
export async function countInbox(db: Db): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('inbox')
    .select(['status', sql<number>`count(*)`.as('n')])
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/**
 * The oldest pending update of these platforms, without locking it: its slow work (downloads,
 * inspection, rendering) is done before the short transaction that locks and handles it.
 */
export async function findNextPendingUpdate(
  db: Db,
  platforms: readonly string[],
  afterId = 0,
): Promise<InboxRow | undefined> {
  if (platforms.length === 0) return undefined;
  return db
    .selectFrom('inbox')
    .selectAll()
    .where('platform', 'in', platforms)
    .where('status', '=', 'pending')
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Locks one update if it is still pending and no other worker holds it. Must run inside the
 * transaction that handles it; undefined means another worker has it or has handled it.
 */
export async function lockPendingUpdate(db: Db, id: number): Promise<InboxRow | undefined> {
  return db
    .selectFrom('inbox')
    .selectAll()
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
}

import { sql } from 'kysely';
import type { Db } from './database.js';
import type { NewZaloOaTokenRow, ZaloOaTokenRow } from './zalo-oa-token.table.js';

// A fixed key for pg_advisory_xact_lock: one refresher at a time across every process on the server.
const REFRESH_LOCK_KEY = 0x5a4c4f41; // 'ZLOA'

/** The stored token pair of an OA app, unlocked (for reading the access token). */
export async function findZaloOaToken(db: Db, appId: string): Promise<ZaloOaTokenRow | undefined> {
  return db.selectFrom('zalo_oa_tokens').selectAll().where('app_id', '=', appId).executeTakeFirst();
}

/**
 * Locks the token row for a refresh. Must run in the transaction that stores the new pair: the advisory
 * lock and the row lock make every other refresher wait, then read the pair this one stored.
 */
export async function lockZaloOaToken(db: Db, appId: string): Promise<ZaloOaTokenRow | undefined> {
  await sql`select pg_advisory_xact_lock(${REFRESH_LOCK_KEY})`.execute(db);
  return db
    .selectFrom('zalo_oa_tokens')
    .selectAll()
    .where('app_id', '=', appId)
    .forUpdate()
    .executeTakeFirst();
}

/** Stores a new token pair (replacing the old one) and clears a recorded failure. */
export async function saveZaloOaToken(
  db: Db,
  row: Omit<NewZaloOaTokenRow, 'refresh_failed_at' | 'last_error'>,
): Promise<void> {
  await db
    .insertInto('zalo_oa_tokens')
    .values({ ...row, refresh_failed_at: null, last_error: null })
    .onConflict((oc) =>
      oc.column('app_id').doUpdateSet({
        access_token: row.access_token,
        refresh_token: row.refresh_token,
        expires_at: row.expires_at,
        updated_at: row.updated_at,
        refresh_failed_at: null,
        last_error: null,
      }),
    )
    .execute();
}

/** Records that a refresh was refused; returns true when this is the first failure since the last success. */
export async function recordZaloOaRefreshFailure(
  db: Db,
  appId: string,
  error: string,
  at: Date,
): Promise<boolean> {
  const updated = await db
    .updateTable('zalo_oa_tokens')
    .set({ refresh_failed_at: at, last_error: error.slice(0, 500) })
    .where('app_id', '=', appId)
    .where('refresh_failed_at', 'is', null)
    .returning('app_id')
    .executeTakeFirst();
  return updated !== undefined;
}

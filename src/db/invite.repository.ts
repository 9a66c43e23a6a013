import { sql } from 'kysely';
import type { Db } from './database.js';
import type { NewInviteAttemptRow } from './invite-attempt.table.js';
import type { InviteRow, NewInviteRow } from './invite.table.js';

/** Stores a new invite (its code already hashed). */
export async function insertInvite(db: Db, row: Omit<NewInviteRow, 'id' | 'revoked_at'>): Promise<InviteRow> {
  return db.insertInto('invites').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Finds an invite by code hash and locks it for the redeeming transaction. */
export async function findInviteForUpdate(db: Db, codeHash: string): Promise<InviteRow | undefined> {
  return db
    .selectFrom('invites')
    .selectAll()
    .where('code_hash', '=', codeHash)
    .forUpdate()
    .executeTakeFirst();
}

/** Uses up one use of an invite. */
export async function decrementInviteUses(db: Db, inviteId: number): Promise<void> {
  await db
    .updateTable('invites')
    .set((eb) => ({ uses_left: eb('uses_left', '-', 1) }))
    .where('id', '=', inviteId)
    .execute();
}

/** Records one redemption attempt, successful or not. */
export async function insertInviteAttempt(db: Db, row: Omit<NewInviteAttemptRow, 'id'>): Promise<void> {
  await db.insertInto('invite_attempts').values(row).execute();
}

/**
 * Counts the failed attempts since an instant of one person (in any campaign: the per-person throttle),
 * or of a whole campaign (whoever typed them: its hourly guessing budget).
 */
export async function countFailedAttemptsSince(
  db: Db,
  by:
    | { readonly platform: string; readonly platformUserId: string; readonly campaignId?: undefined }
    | { readonly campaignId: number; readonly platform?: undefined },
  since: Date,
): Promise<number> {
  const row = await db
    .selectFrom('invite_attempts')
    .select(sql<number>`count(*)`.as('n'))
    .$call((query) =>
      by.platform === undefined
        ? query.where('campaign_id', '=', by.campaignId)
        : query.where('platform', '=', by.platform).where('platform_user_id', '=', by.platformUserId),
    )
    .where('succeeded', '=', false)
    .where('attempted_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

import type { Db } from './database.js';
import type { NationalInviteRow, NewNationalInviteRow } from './national-invite.table.js';
import type { NationalMemberRow } from './national-member.table.js';
import type { UnitRow } from './unit.table.js';

/** Stores a national invite (its code already hashed). */
export async function insertNationalInvite(
  db: Db,
  row: Omit<NewNationalInviteRow, 'id' | 'revoked_at'>,
): Promise<NationalInviteRow> {
  return db.insertInto('national_invites').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Finds a national invite by code hash and locks it for the redeeming transaction. */
export async function findNationalInviteForUpdate(
  db: Db,
  codeHash: string,
): Promise<NationalInviteRow | undefined> {
  return db
    .selectFrom('national_invites')
    .selectAll()
    .where('code_hash', '=', codeHash)
    .forUpdate()
    .executeTakeFirst();
}

/** Uses up one use of a national invite. */
export async function decrementNationalInviteUses(db: Db, inviteId: number): Promise<void> {
  await db
    .updateTable('national_invites')
    .set((eb) => ({ uses_left: eb('uses_left', '-', 1) }))
    .where('id', '=', inviteId)
    .execute();
}

/** Makes a platform identity a national leader (again, when they had left). */
export async function upsertNationalMember(
  db: Db,
  row: { platform: string; platformUserId: string; displayName: string; at: Date },
): Promise<NationalMemberRow> {
  return db
    .insertInto('national_members')
    .values({
      platform: row.platform,
      platform_user_id: row.platformUserId,
      display_name: row.displayName,
      active: true,
      joined_at: row.at,
      updated_at: row.at,
    })
    .onConflict((oc) =>
      oc.columns(['platform', 'platform_user_id']).doUpdateSet({
        display_name: row.displayName,
        active: true,
        updated_at: row.at,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The national leader with this platform identity, if any (active or not). */
export async function findNationalMember(
  db: Db,
  platform: string,
  platformUserId: string,
): Promise<NationalMemberRow | undefined> {
  return db
    .selectFrom('national_members')
    .selectAll()
    .where('platform', '=', platform)
    .where('platform_user_id', '=', platformUserId)
    .executeTakeFirst();
}

/** The top unit (the province) of each of the given campaigns. */
export async function listTopUnits(db: Db, campaignIds: readonly number[]): Promise<UnitRow[]> {
  if (campaignIds.length === 0) return [];
  return db
    .selectFrom('units')
    .selectAll()
    .where('campaign_id', 'in', campaignIds)
    .where('parent_id', 'is', null)
    .orderBy('campaign_id')
    .orderBy('id')
    .execute();
}

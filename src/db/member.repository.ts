import type { Db } from './database.js';
import type { Role } from '../domain/role.js';
import type { MemberRow, NewMemberRow } from './member.table.js';

/** Finds a campaign member by platform identity. */
export async function findMember(
  db: Db,
  campaignId: number,
  platform: string,
  platformUserId: string,
): Promise<MemberRow | undefined> {
  return db
    .selectFrom('members')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where('platform', '=', platform)
    .where('platform_user_id', '=', platformUserId)
    .executeTakeFirst();
}

/** Creates a member, or rebinds an existing one to a new role and unit (joining again with a new code). */
export async function upsertMember(
  db: Db,
  row: Pick<
    NewMemberRow,
    'campaign_id' | 'platform' | 'platform_user_id' | 'display_name' | 'role' | 'unit_id'
  > & {
    readonly at: Date;
  },
): Promise<MemberRow> {
  const { at, ...fields } = row;
  return db
    .insertInto('members')
    .values({ ...fields, active: true, joined_at: at, updated_at: at })
    .onConflict((oc) =>
      oc.columns(['campaign_id', 'platform', 'platform_user_id']).doUpdateSet({
        display_name: fields.display_name,
        role: fields.role,
        unit_id: fields.unit_id,
        active: true,
        updated_at: at,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Marks a member inactive (left, blocked the bot, removed by a coordinator). */
export async function deactivateMember(db: Db, memberId: number, at: Date): Promise<void> {
  await db.updateTable('members').set({ active: false, updated_at: at }).where('id', '=', memberId).execute();
}

/** Lists the active members of a unit with a given role. */
export async function listActiveMembersOfUnit(db: Db, unitId: number, role: Role): Promise<MemberRow[]> {
  return db
    .selectFrom('members')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where('role', '=', role)
    .where('active', '=', true)
    .orderBy('id')
    .execute();
}

/** Deactivates the members whose private chat this is (they blocked the bot or deleted their account). */
export async function deactivateMembersByChat(
  db: Db,
  platform: string,
  chatId: string,
  at: Date,
): Promise<void> {
  await db
    .updateTable('members')
    .set({ active: false, updated_at: at })
    .where('platform', '=', platform)
    .where('platform_user_id', '=', chatId)
    .execute();
}

/** The active members of a campaign on one platform, with their roles (for per-person command menus). */
export async function listActiveMembersOnPlatform(
  db: Db,
  campaignId: number,
  platform: string,
): Promise<Pick<MemberRow, 'platform_user_id' | 'role'>[]> {
  return db
    .selectFrom('members')
    .select(['platform_user_id', 'role'])
    .where('campaign_id', '=', campaignId)
    .where('platform', '=', platform)
    .where('active', '=', true)
    .orderBy('id')
    .execute();
}

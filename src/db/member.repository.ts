import type { Db } from './database.js';
import type { Role } from '../domain/role.js';
import type { UnitLevel } from '../domain/unit.js';
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

/** An active member with where they belong: whom a reminder goes to, or a row of the OA's window list. */
export interface MemberInUnit {
  member_id: number;
  platform: string;
  platform_user_id: string;
  display_name: string;
  role: Role;
  unit_id: number;
  unit_code: string;
  unit_name: string;
  unit_level: UnitLevel;
  unit_parent_id: number | null;
}

/** Every active member of a campaign with a role, or on a platform, with their unit, in a stable order. */
export async function listActiveMembersWithUnits(
  db: Db,
  campaignId: number,
  only:
    | { readonly role: Role; readonly platform?: undefined }
    | { readonly platform: string; readonly role?: undefined },
): Promise<MemberInUnit[]> {
  return db
    .selectFrom('members as m')
    .innerJoin('units as u', 'u.id', 'm.unit_id')
    .select([
      'm.id as member_id',
      'm.platform',
      'm.platform_user_id',
      'm.display_name',
      'm.role',
      'u.id as unit_id',
      'u.code as unit_code',
      'u.name as unit_name',
      'u.level as unit_level',
      'u.parent_id as unit_parent_id',
    ])
    .where('m.campaign_id', '=', campaignId)
    .$call((query) =>
      only.platform === undefined
        ? query.where('m.role', '=', only.role)
        : query.where('m.platform', '=', only.platform),
    )
    .where('m.active', '=', true)
    .orderBy('m.id')
    .execute();
}

/**
 * The active coordinators of a campaign's province-level units, on every platform: who hears about invite
 * guessing and about the OA channel.
 */
export async function listProvinceCoordinators(
  db: Db,
  campaignId: number,
): Promise<Pick<MemberRow, 'id' | 'platform' | 'platform_user_id' | 'unit_id'>[]> {
  return db
    .selectFrom('members')
    .innerJoin('units', 'units.id', 'members.unit_id')
    .select(['members.id', 'members.platform', 'members.platform_user_id', 'members.unit_id'])
    .where('members.campaign_id', '=', campaignId)
    .where('members.role', '=', 'coordinator')
    .where('members.active', '=', true)
    .where('units.level', '=', 'province')
    .orderBy('members.id')
    .execute();
}

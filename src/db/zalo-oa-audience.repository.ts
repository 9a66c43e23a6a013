import type { Db } from './database.js';

/** The active province-level coordinators of a campaign, on every platform (who hears about the OA). */
export async function listProvinceCoordinators(
  db: Db,
  campaignId: number,
): Promise<{ platform: string; platform_user_id: string; unit_id: number }[]> {
  return db
    .selectFrom('members')
    .innerJoin('units', 'units.id', 'members.unit_id')
    .select(['members.platform', 'members.platform_user_id', 'members.unit_id'])
    .where('members.campaign_id', '=', campaignId)
    .where('members.role', '=', 'coordinator')
    .where('members.active', '=', true)
    .where('units.level', '=', 'province')
    .orderBy('members.id')
    .execute();
}

/** The ids of the active memberships (any campaign) of one person on one platform. */
export async function listActiveMemberIdsOf(db: Db, platform: string, userId: string): Promise<number[]> {
  const rows = await db
    .selectFrom('members')
    .select('id')
    .where('platform', '=', platform)
    .where('platform_user_id', '=', userId)
    .where('active', '=', true)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

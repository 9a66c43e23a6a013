import { sql } from 'kysely';
import type { Db } from './database.js';
import type { MemberRow } from './member.table.js';

/** Counts a campaign's failed invite attempts since an instant, whoever typed them. */
export async function countCampaignFailuresSince(db: Db, campaignId: number, since: Date): Promise<number> {
  const row = await db
    .selectFrom('invite_attempts')
    .select(sql<number>`count(*)`.as('n'))
    .where('campaign_id', '=', campaignId)
    .where('succeeded', '=', false)
    .where('attempted_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Active coordinators of the campaign's province-level units: who hears about invite guessing. */
export async function listProvinceCoordinators(
  db: Db,
  campaignId: number,
): Promise<Pick<MemberRow, 'id' | 'platform' | 'platform_user_id'>[]> {
  return db
    .selectFrom('members')
    .innerJoin('units', 'units.id', 'members.unit_id')
    .select(['members.id', 'members.platform', 'members.platform_user_id'])
    .where('members.campaign_id', '=', campaignId)
    .where('members.role', '=', 'coordinator')
    .where('members.active', '=', true)
    .where('units.level', '=', 'province')
    .orderBy('members.id')
    .execute();
}

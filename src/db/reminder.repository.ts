import type { Db } from './database.js';
import type { Role } from '../domain/role.js';
import type { UnitLevel } from '../domain/unit.js';
import type { UnitRow } from './unit.table.js';
import { stillOpen, validOn } from './unit-validity.js';

/** An active member with where they belong: whom a reminder goes to. */
export interface MemberInUnit {
  member_id: number;
  platform: string;
  platform_user_id: string;
  display_name: string;
  unit_id: number;
  unit_code: string;
  unit_name: string;
  unit_level: UnitLevel;
  unit_parent_id: number | null;
}

/** Every active member of a campaign with a role, with their unit, in a stable order. */
export async function listActiveMembersWithUnits(
  db: Db,
  campaignId: number,
  role: Role,
): Promise<MemberInUnit[]> {
  return db
    .selectFrom('members as m')
    .innerJoin('units as u', 'u.id', 'm.unit_id')
    .select([
      'm.id as member_id',
      'm.platform',
      'm.platform_user_id',
      'm.display_name',
      'u.id as unit_id',
      'u.code as unit_code',
      'u.name as unit_name',
      'u.level as unit_level',
      'u.parent_id as unit_parent_id',
    ])
    .where('m.campaign_id', '=', campaignId)
    .where('m.role', '=', role)
    .where('m.active', '=', true)
    .orderBy('m.id')
    .execute();
}

/** A commune and the date of its latest report on or before a date (null: none yet). */
export interface CommuneLastReport {
  id: number;
  code: string;
  name: string;
  parent_id: number | null;
  last_date: string | null;
}

/** Every commune of a campaign with the date of its latest report on or before `onOrBefore`. */
export async function listCommuneLastReports(
  db: Db,
  campaignId: number,
  onOrBefore: string,
): Promise<CommuneLastReport[]> {
  return db
    .selectFrom('units as c')
    .leftJoin('daily_reports as r', (join) =>
      join.onRef('r.unit_id', '=', 'c.id').on('r.report_date', '<=', onOrBefore),
    )
    .select((eb) => [
      'c.id',
      'c.code',
      'c.name',
      'c.parent_id',
      eb.fn.max<string | null>('r.report_date').as('last_date'),
    ])
    .where('c.campaign_id', '=', campaignId)
    .where('c.level', '=', 'commune')
    .where(validOn('c', onOrBefore))
    .groupBy(['c.id', 'c.code', 'c.name', 'c.parent_id'])
    .orderBy('c.id')
    .execute();
}

/** The root unit of a campaign's tree (its province). */
export async function findRootUnit(db: Db, campaignId: number): Promise<UnitRow | undefined> {
  return db
    .selectFrom('units')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where('parent_id', 'is', null)
    .where(stillOpen('units'))
    .orderBy('id')
    .executeTakeFirst();
}

/** A unit and every unit under it (children and grandchildren). */
export async function listUnitsInScope(db: Db, campaignId: number, scopeUnitId: number): Promise<UnitRow[]> {
  return db
    .selectFrom('units as u')
    .leftJoin('units as p', 'p.id', 'u.parent_id')
    .selectAll('u')
    .where('u.campaign_id', '=', campaignId)
    .where(stillOpen('u'))
    .where((eb) =>
      eb.or([
        eb('u.id', '=', scopeUnitId),
        eb('u.parent_id', '=', scopeUnitId),
        eb('p.parent_id', '=', scopeUnitId),
      ]),
    )
    .orderBy('u.id')
    .execute();
}

/** Every unit of a campaign (names are matched in the service, diacritics-insensitively). */
export async function listUnitsOfCampaign(db: Db, campaignId: number): Promise<UnitRow[]> {
  return db
    .selectFrom('units')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where(stillOpen('units'))
    .orderBy('id')
    .execute();
}

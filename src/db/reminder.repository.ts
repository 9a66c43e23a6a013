import type { Db } from './database.js';
import type { UnitRow } from './unit.table.js';
import { stillOpen, validOn } from './unit-validity.js';

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

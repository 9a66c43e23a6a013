import type { Db } from './database.js';
import type { UnitDayFigures } from './daily-report.table.js';
import { scopeLineage, validOn } from './unit-validity.js';

/** One commune in a scope with its target and its reports around a date. */
export interface CommuneReportRow {
  id: number;
  code: string;
  name: string;
  parent_name: string;
  parent_code: string;
  target_books: number | null;
  target_cases: number | null;
  cur_date: string | null;
  cur_books: number | null;
  cur_scanned: number | null;
  cur_entered: number | null;
  cur_attached: number | null;
  cur_late: boolean | null;
  cur_updated_at: Date | null;
  prev_books: number | null;
  prev_scanned: number | null;
  prev_entered: number | null;
  prev_attached: number | null;
}

/**
 * Every commune under a scope unit (itself, its children or grandchildren) with its target, its latest
 * report on or before `date`, and its latest report before `date` — one statement whatever the number
 * of communes.
 */
export async function listCommuneReports(
  db: Db,
  campaignId: number,
  scopeUnitId: number,
  date: string,
): Promise<CommuneReportRow[]> {
  // Only the communes of that date; a scope that replaced older units still covers their communes.
  return db
    .selectFrom('units as c')
    .innerJoin('units as d', 'd.id', 'c.parent_id')
    .leftJoin('unit_targets as t', 't.unit_id', 'c.id')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('daily_reports as r')
          .select([
            'r.report_date',
            'r.books',
            'r.scanned',
            'r.entered',
            'r.attached',
            'r.late',
            'r.updated_at',
          ])
          .whereRef('r.unit_id', '=', 'c.id')
          .where('r.report_date', '<=', date)
          .orderBy('r.report_date', 'desc')
          .limit(1)
          .as('cur'),
      (join) => join.onTrue(),
    )
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('daily_reports as p')
          .select(['p.books', 'p.scanned', 'p.entered', 'p.attached'])
          .whereRef('p.unit_id', '=', 'c.id')
          .where('p.report_date', '<', date)
          .orderBy('p.report_date', 'desc')
          .limit(1)
          .as('prev'),
      (join) => join.onTrue(),
    )
    .select([
      'c.id',
      'c.code',
      'c.name',
      'd.name as parent_name',
      'd.code as parent_code',
      't.books as target_books',
      't.cases as target_cases',
      'cur.report_date as cur_date',
      'cur.books as cur_books',
      'cur.scanned as cur_scanned',
      'cur.entered as cur_entered',
      'cur.attached as cur_attached',
      'cur.late as cur_late',
      'cur.updated_at as cur_updated_at',
      'prev.books as prev_books',
      'prev.scanned as prev_scanned',
      'prev.entered as prev_entered',
      'prev.attached as prev_attached',
    ])
    .where('c.campaign_id', '=', campaignId)
    .where('c.level', '=', 'commune')
    .where(validOn('c', date))
    .where((eb) =>
      eb.or([
        eb('c.id', '=', scopeUnitId),
        eb('d.id', 'in', scopeLineage(scopeUnitId)),
        eb('d.parent_id', 'in', scopeLineage(scopeUnitId)),
      ]),
    )
    .orderBy('c.id')
    .execute();
}

/** Every current report of the communes under a scope unit up to a date (for day-by-day series). */
export async function listScopeReportsUntil(
  db: Db,
  campaignId: number,
  scopeUnitId: number,
  to: string,
): Promise<(UnitDayFigures & { unit_valid_from: string | null; unit_valid_to: string | null })[]> {
  // With the days each unit counts: the series drops a retired unit after its last day (its successor
  // carries on), and a scope that replaced older units still covers their reports.
  return db
    .selectFrom('daily_reports as r')
    .innerJoin('units as c', 'c.id', 'r.unit_id')
    .innerJoin('units as d', 'd.id', 'c.parent_id')
    .select(['r.unit_id', 'r.report_date', 'r.books', 'r.scanned', 'r.entered', 'r.attached'])
    .select(['c.valid_from as unit_valid_from', 'c.valid_to as unit_valid_to'])
    .where('c.campaign_id', '=', campaignId)
    .where((eb) =>
      eb.or([
        eb('c.id', '=', scopeUnitId),
        eb('d.id', 'in', scopeLineage(scopeUnitId)),
        eb('d.parent_id', 'in', scopeLineage(scopeUnitId)),
      ]),
    )
    .where('r.report_date', '<=', to)
    .orderBy('r.report_date')
    .execute();
}

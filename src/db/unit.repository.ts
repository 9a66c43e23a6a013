import type { Db } from './database.js';
import type { NewUnitTargetRow } from './unit-target.table.js';
import type { NewUnitRow, UnitRow, UnitUpdate } from './unit.table.js';
import { stillOpen } from './unit-validity.js';

/** A unit with its target, as listed for a campaign. */
export interface UnitWithTarget extends UnitRow {
  target_books: number | null;
  target_cases: number | null;
}

/** Lists every unit of a campaign not retired by a reorganisation, with its target (null when it has none). */
export async function listUnitsWithTargets(db: Db, campaignId: number): Promise<UnitWithTarget[]> {
  return db
    .selectFrom('units')
    .leftJoin('unit_targets', 'unit_targets.unit_id', 'units.id')
    .selectAll('units')
    .select(['unit_targets.books as target_books', 'unit_targets.cases as target_cases'])
    .where('units.campaign_id', '=', campaignId)
    .where(stillOpen('units'))
    .orderBy('units.id')
    .execute();
}

/**
 * Finds a unit of a campaign by its official code, among the units not retired by a reorganisation (a new
 * unit often reuses the code of an old commune it absorbed; invites and reports go to the new one).
 */
export async function findUnitByCode(db: Db, campaignId: number, code: string): Promise<UnitRow | undefined> {
  return db
    .selectFrom('units')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where('code', '=', code)
    .where(stillOpen('units'))
    .executeTakeFirst();
}

/** Finds a unit by id. */
export async function findUnitById(db: Db, id: number): Promise<UnitRow | undefined> {
  return db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts units in one statement; returns their ids by code. */
export async function insertUnits(db: Db, rows: Omit<NewUnitRow, 'id'>[]): Promise<Map<string, number>> {
  if (rows.length === 0) return new Map();
  const inserted = await db.insertInto('units').values(rows).returning(['id', 'code']).execute();
  return new Map(inserted.map((r) => [r.code, r.id]));
}

/** Updates one unit's descriptive fields and parent. */
export async function updateUnit(
  db: Db,
  id: number,
  changes: Pick<UnitUpdate, 'name' | 'type' | 'level' | 'parent_id'>,
): Promise<void> {
  await db.updateTable('units').set(changes).where('id', '=', id).execute();
}

/** Deletes units by id (fails on a foreign key when members or reports still point at them). */
export async function deleteUnits(db: Db, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('unit_targets').where('unit_id', 'in', ids).execute();
  await db.deleteFrom('units').where('id', 'in', ids).execute();
}

/** Inserts or replaces targets in one statement. */
export async function upsertTargets(db: Db, rows: NewUnitTargetRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('unit_targets')
    .values(rows)
    .onConflict((oc) =>
      oc
        .column('unit_id')
        .doUpdateSet((eb) => ({ books: eb.ref('excluded.books'), cases: eb.ref('excluded.cases') })),
    )
    .execute();
}

/** A unit's target (null when it has none). */
export async function findUnitTarget(
  db: Db,
  unitId: number,
): Promise<{ books: number; cases: number } | null> {
  const row = await db
    .selectFrom('unit_targets')
    .select(['books', 'cases'])
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  return row ?? null;
}

/** Removes the targets of the given units. */
export async function deleteTargets(db: Db, unitIds: number[]): Promise<void> {
  if (unitIds.length === 0) return;
  await db.deleteFrom('unit_targets').where('unit_id', 'in', unitIds).execute();
}

/** Sums the targets of a campaign's communes (province-wide totals). */
export async function sumTargets(
  db: Db,
  campaignId: number,
): Promise<{ units: number; books: number; cases: number }> {
  const row = await db
    .selectFrom('unit_targets')
    .innerJoin('units', 'units.id', 'unit_targets.unit_id')
    .where('units.campaign_id', '=', campaignId)
    .select((eb) => [
      eb.fn.countAll<number>().as('units'),
      eb.fn.coalesce(eb.fn.sum<number>('unit_targets.books'), eb.lit(0)).as('books'),
      eb.fn.coalesce(eb.fn.sum<number>('unit_targets.cases'), eb.lit(0)).as('cases'),
    ])
    .executeTakeFirstOrThrow();
  return { units: Number(row.units), books: Number(row.books), cases: Number(row.cases) };
}

/** A unit and its ancestors, nearest first (commune → district → province). */
export async function findUnitAncestry(db: Db, unitId: number): Promise<UnitRow[]> {
  const chain: UnitRow[] = [];
  let next: number | null = unitId;
  // The tree has three levels; the bound guards against a corrupted cycle.
  for (let depth = 0; next !== null && depth < 5; depth++) {
    const unit = await findUnitById(db, next);
    if (!unit) break;
    chain.push(unit);
    next = unit.parent_id;
  }
  return chain;
}

/** The ids of a unit's direct children. */
export async function listChildUnitIds(db: Db, parentId: number): Promise<number[]> {
  const rows = await db.selectFrom('units').select('id').where('parent_id', '=', parentId).execute();
  return rows.map((r) => r.id);
}

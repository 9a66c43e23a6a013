import type { Insertable, Selectable } from 'kysely';

/** Row of `unit_targets`: what a unit must digitize. */
export interface UnitTargetTable {
  unit_id: number;
  books: number;
  cases: number;
}
export type UnitTargetRow = Selectable<UnitTargetTable>;
export type NewUnitTargetRow = Insertable<UnitTargetTable>;

import type { Generated, Selectable } from 'kysely';

/** An administrative unit's level in the campaign's tree. */
export type UnitLevel = 'province' | 'district' | 'commune';

/** Row of `units`. */
export interface UnitTable {
  id: Generated<number>;
  campaign_id: number;
  code: string;
  name: string;
  type: string;
  level: UnitLevel;
  parent_id: number | null;
}
export type UnitRow = Selectable<UnitTable>;

/** Row of `unit_targets`: what a unit must digitize. */
export interface UnitTargetTable {
  unit_id: number;
  books: number;
  cases: number;
}
export type UnitTargetRow = Selectable<UnitTargetTable>;

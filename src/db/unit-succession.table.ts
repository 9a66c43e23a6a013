import type { Generated, Insertable, Selectable } from 'kysely';
import type { DateColumn } from './column-types.js';

/** Row of `unit_successions`: an old unit that went (whole or a share of it) into a new one. */
export interface UnitSuccessionTable {
  id: Generated<number>;
  campaign_id: number;
  old_unit_id: number;
  new_unit_id: number;
  /** 1 when the old unit went whole into the new one, else the part of its figures carried there. */
  share: number;
  /** The first day the new unit counts. */
  effective_on: DateColumn;
}
export type UnitSuccessionRow = Selectable<UnitSuccessionTable>;
export type NewUnitSuccessionRow = Insertable<UnitSuccessionTable>;

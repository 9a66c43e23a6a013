import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { UnitLevel } from '../domain/unit.js';
import type { DateColumn } from './column-types.js';

// Re-exported while importers move to the domain's own module.
/** Row of `units`. */
export interface UnitTable {
  id: Generated<number>;
  campaign_id: number;
  code: string;
  name: string;
  type: string;
  level: UnitLevel;
  parent_id: number | null;
  /** The first day the unit counts (null: since the campaign began). */
  valid_from: DateColumn | null;
  /** The last day the unit counts (null: still counting); set when a reorganisation retires it. */
  valid_to: DateColumn | null;
}
export type UnitRow = Selectable<UnitTable>;
export type NewUnitRow = Insertable<UnitTable>;
export type UnitUpdate = Updateable<UnitTable>;

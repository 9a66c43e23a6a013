import type { Generated, Insertable, Selectable } from 'kysely';
import type { DateColumn } from './column-types.js';

/** Row of `milestones`: one step of a campaign's plan and its deadline. */
export interface MilestoneTable {
  id: Generated<number>;
  campaign_id: number;
  code: string;
  title: string;
  metric: string;
  deadline: DateColumn;
  position: number;
}
export type MilestoneRow = Selectable<MilestoneTable>;
export type NewMilestoneRow = Insertable<MilestoneTable>;

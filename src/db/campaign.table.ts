import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** A `date` column: PostgreSQL dates travel as 'YYYY-MM-DD' strings (see database.ts type parsers). */
export type DateColumn = ColumnType<string, string, string>;
/** A `jsonb` column: written as a JSON string or value, read back parsed. */
export type JsonColumn<T> = ColumnType<T, string, string>;

/** Row of `campaigns`. */
export interface CampaignTable {
  id: Generated<number>;
  code: string;
  name: string;
  province_code: string;
  time_zone: string;
  start_date: DateColumn;
  end_date: DateColumn;
  report_cutoff: string;
  settings: JsonColumn<unknown>;
  created_at: Date;
  updated_at: Date;
}
export type CampaignRow = Selectable<CampaignTable>;
export type NewCampaignRow = Insertable<CampaignTable>;
export type CampaignUpdate = Updateable<CampaignTable>;

/** Row of `milestones`. */
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

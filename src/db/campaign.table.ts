import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { DateColumn, JsonColumn } from './column-types.js';

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

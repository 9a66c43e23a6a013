import type { Insertable, Selectable } from 'kysely';

/**
 * Row of `campaign_choices`: which campaign a person in several campaigns last chose with /chondot
 * (null until they choose), and when the bot last asked them to.
 */
export interface CampaignChoiceTable {
  platform: string;
  platform_user_id: string;
  campaign_id: number | null;
  chosen_at: Date | null;
  asked_at: Date | null;
}
export type CampaignChoiceRow = Selectable<CampaignChoiceTable>;
export type NewCampaignChoiceRow = Insertable<CampaignChoiceTable>;

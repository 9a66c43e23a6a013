import { readCampaignFolders } from '../config/campaign-folder.js';
import type { Logger } from '../config/logger.js';
import type { Campaign } from '../domain/campaign.js';
import type { Clock } from '../domain/clock.js';
import type { Db } from '../db/database.js';
import { loadCampaign } from './campaign-load.service.js';
import { getCampaign } from './campaign.service.js';

/** The campaigns one `sohoa start` serves, the default (the first CAMPAIGN_DIR names) first. */
export type ServedCampaigns = readonly [Campaign, ...Campaign[]];

/**
 * Loads every campaign folder CAMPAIGN_DIR names (each load idempotent, as for one folder), all read and
 * validated before any is loaded so that a bad folder stops the start with nothing half-loaded.
 */
export async function loadServedCampaigns(
  db: Db,
  campaignDir: string,
  clock: Clock,
  logger: Logger,
): Promise<ServedCampaigns> {
  const folders = await readCampaignFolders(campaignDir);
  const campaigns: Campaign[] = [];
  for (const { dir, definition } of folders) {
    const loaded = await loadCampaign(db, definition, clock, 'start');
    if (loaded.created || loaded.changes.length > 0) {
      logger.info({ campaignId: loaded.campaignId, dir, changes: loaded.changes }, 'campaign loaded');
    }
    campaigns.push(await getCampaign(db, definition.campaign.code));
  }
  const [first, ...rest] = campaigns;
  if (!first) throw new Error('no campaign folder');
  return [first, ...rest];
}

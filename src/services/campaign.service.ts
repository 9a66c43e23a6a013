import { campaignFileSchema } from '../config/campaign-schema.js';
import type { Campaign } from '../domain/campaign.js';
import { NotFoundError } from '../domain/errors.js';
import { findCampaignByCode, listCampaigns } from '../db/campaign.repository.js';
import type { CampaignRow } from '../db/campaign.table.js';
import type { Db } from '../db/database.js';

function toCampaign(row: CampaignRow): Campaign {
  // Settings were validated on load; parsing again applies defaults added by later releases.
  return Object.freeze({ id: row.id, code: row.code, settings: campaignFileSchema.parse(row.settings) });
}

/** The campaign with this code, or the only/most recent one when no code is given. */
export async function getCampaign(db: Db, code?: string): Promise<Campaign> {
  const row = code ? await findCampaignByCode(db, code) : (await listCampaigns(db))[0];
  if (!row) {
    throw new NotFoundError(
      code
        ? `Chưa nạp chiến dịch "${code}". Chạy: npx sohoa campaign load <thư mục chiến dịch>.`
        : 'Chưa nạp chiến dịch nào. Chạy: npx sohoa campaign load campaigns/quang-tri-2025.',
      'campaign',
      code ?? '',
    );
  }
  return toCampaign(row);
}

import { readCampaignFolder } from '../../src/config/campaign-folder.js';
import type { Clock } from '../../src/domain/clock.js';
import type { Db } from '../../src/db/database.js';
import { upsertMember } from '../../src/db/member.repository.js';
import { listUnitsWithTargets } from '../../src/db/unit.repository.js';
import { loadCampaign } from '../../src/services/campaign-load.service.js';
import { copyCampaign } from './campaign-fixture.js';

/**
 * For tests of real `sohoa start` processes: a copy of the Quảng Trị folder with Telegram's flood limits
 * opened wide (these tests are about crashes and instances; the limits have their own tests on virtual
 * time), loaded into `db`, with reporters 1…`reporters` (Telegram user ids) joined to the first communes.
 * Returns the folder, for the processes' CAMPAIGN_DIR.
 */
export async function seedProcessCampaign(
  db: Db,
  clock: Clock,
  reporters: number,
  delivery: { leaseSeconds?: number } = {},
): Promise<string> {
  const campaignDir = await copyCampaign(({ json }) => ({
    json: {
      ...json,
      delivery: {
        globalPerSecond: 10_000,
        perChatPerSecond: 10_000,
        perChatBurst: 1000,
        perGroupPerMinute: 10_000,
        ...delivery,
      },
    },
  }));
  const { campaignId } = await loadCampaign(db, await readCampaignFolder(campaignDir), clock);
  const communes = (await listUnitsWithTargets(db, campaignId)).filter((u) => u.level === 'commune');
  for (let i = 1; i <= reporters; i++) {
    const unit = communes[i - 1];
    if (!unit) throw new Error('not enough communes');
    await upsertMember(db, {
      campaign_id: campaignId,
      platform: 'telegram',
      platform_user_id: String(i),
      display_name: `Cán bộ ${i}`,
      role: 'reporter',
      unit_id: unit.id,
      at: clock.now(),
    });
  }
  return campaignDir;
}

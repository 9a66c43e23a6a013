import { readCampaignFolder } from '../../src/config/campaign-folder.js';
import { ManualClock } from '../../src/domain/clock.js';
import type { Db } from '../../src/db/database.js';
import type { Role } from '../../src/domain/role.js';
import { loadCampaign } from '../../src/services/campaign-load.service.js';
import { pressThrough, sayThrough, startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { copyCampaign, inviteCode, loadQuangTri } from '../support/campaign-fixture.js';
import type { UserLike } from '../support/fake-telegram/index.js';

/** The second campaign of the deployment: another code, province name, time zone and report-call time. */
export const SECOND = {
  code: 'thu-nghiem-2025',
  name: 'Chiến dịch thử nghiệm giờ Tokyo 2025',
  provinceName: 'Tỉnh Thử Nghiệm',
  timeZone: 'Asia/Tokyo',
  reportCall: '14:00',
} as const;

/** A copy of the Quảng Trị folder turned into the second campaign (units and targets unchanged). */
export async function secondCampaignDir(): Promise<string> {
  return copyCampaign(({ json }) => ({
    json: {
      ...json,
      code: SECOND.code,
      name: SECOND.name,
      province: { ...(json.province as Record<string, unknown>), name: SECOND.provinceName },
      timeZone: SECOND.timeZone,
      reminders: { ...(json.reminders as Record<string, unknown>), reportCall: SECOND.reportCall },
    },
  }));
}

/** Two campaigns loaded into one database and served by one bot; ways to talk to it. */
export interface TwoCampaigns {
  readonly clock: ManualClock;
  readonly harness: BotHarness;
  readonly quangTriId: number;
  readonly secondId: number;
  invite(campaignId: number, unitCode: string, role?: Role): Promise<string>;
  sayAs(from: UserLike, text: string): Promise<string>;
  pressAs(from: UserLike, prefix: string): Promise<string>;
}

/** Loads Quảng Trị 2025 (the default) and the second campaign, and starts one harness serving both. */
export async function startTwoCampaigns(db: Db, at = '2025-03-10T09:00:00+07:00'): Promise<TwoCampaigns> {
  const clock = new ManualClock(at);
  const quangTriId = await loadQuangTri(db);
  const loaded = await loadCampaign(db, await readCampaignFolder(await secondCampaignDir()), clock);
  const harness = await startBotHarness(db, clock, { campaigns: ['quang-tri-2025', SECOND.code] });
  const invite = (campaignId: number, unitCode: string, role: Role = 'reporter') =>
    inviteCode(db, clock, campaignId, unitCode, role);
  const sayAs = (from: UserLike, text: string) => sayThrough(harness, from, text);
  const pressAs = (from: UserLike, prefix: string) => pressThrough(harness, from, prefix);
  return { clock, harness, quangTriId, secondId: loaded.campaignId, invite, sayAs, pressAs };
}

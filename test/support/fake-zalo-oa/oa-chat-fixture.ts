import type { ChatRuntime } from '../../../src/bot/chat-runtime.js';
import { createZaloOaService, type ZaloOaService } from '../../../src/channels/zalo-oa/zalo-oa-service.js';
import { createLogger } from '../../../src/config/logger.js';
import { ManualClock } from '../../../src/domain/clock.js';
import type { Db } from '../../../src/db/database.js';
import { upsertMember } from '../../../src/db/member.repository.js';
import { findUnitByCode } from '../../../src/db/unit.repository.js';
import type { Role } from '../../../src/domain/role.js';
import { getCampaign } from '../../../src/services/campaign.service.js';
import { setZaloOaTokens } from '../../../src/services/zalo-oa-token.service.js';
import { inviteCode, loadQuangTri } from '../campaign-fixture.js';
import { drainOnManualTime } from '../manual-time-drain.js';
import { testChatRuntime } from '../test-chat-runtime.js';
import { startFakeZaloOa, type FakeZaloOa } from './fake-zalo-oa.js';

/** Quảng Trị loaded, the real OA channel, bot and sender against the fake OA, stepped by the test. */
export interface OaChat {
  readonly db: Db;
  readonly clock: ManualClock;
  readonly campaignId: number;
  readonly oa: FakeZaloOa;
  readonly service: ZaloOaService;
  readonly runtime: ChatRuntime;
  /** Posts a signed event, handles it and delivers every reply. */
  post(event: Record<string, unknown>): Promise<number>;
  /** A person writes a text; returns the last text the OA sent them. */
  say(userId: string, text: string): Promise<string>;
  /** A person joins a unit with a fresh invite. */
  join(userId: string, unitCode: string, role?: Role): Promise<string>;
  /** Handles what is stored and delivers what is due. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** Starts the OA chat at `at` on a database with nothing loaded; tokens valid for an hour. */
export async function startOaChat(db: Db, at = '2025-03-10T09:00:00+07:00'): Promise<OaChat> {
  const clock = new ManualClock(at);
  const campaignId = await loadQuangTri(db);
  const campaign = await getCampaign(db);
  const oa = await startFakeZaloOa(clock);
  const logger = createLogger('silent');
  const service = createZaloOaService({
    db,
    clock,
    logger,
    campaignId,
    timeZone: campaign.settings.timeZone,
    config: oa.config(),
    onStored: () => undefined,
  });
  const pair = oa.state.issueTokens(3600);
  await setZaloOaTokens(service.tokens, { ...pair, expiresInSeconds: 3600 });
  const runtime = testChatRuntime({ db, clock, channels: [service.channel], campaigns: [campaign] });
  const settle = async () => {
    for (;;) {
      const handled = await runtime.processor.drain();
      const sent = await drainOnManualTime(runtime.sender, clock);
      if (handled === 0 && sent === 0) return;
    }
  };
  const post = async (event: Record<string, unknown>) => {
    const response = await oa.post(service.receiver, event);
    await settle();
    return response.status;
  };
  const say = async (userId: string, text: string) => {
    await post(oa.userText(userId, text));
    return oa.textsTo({ userId }).at(-1) ?? '';
  };
  const join = async (userId: string, unitCode: string, role: Role = 'reporter') =>
    say(userId, `/start ${await inviteCode(db, clock, campaignId, unitCode, role)}`);
  return { db, clock, campaignId, oa, service, runtime, post, say, join, settle, close: () => oa.close() };
}

/** Hà, a province coordinator on Telegram (user 9001): where the OA's alerts and reports for them go. */
export async function addTelegramProvinceCoordinator(chat: OaChat): Promise<void> {
  const province = await findUnitByCode(chat.db, chat.campaignId, '45');
  if (!province) throw new Error('no province unit');
  await upsertMember(chat.db, {
    campaign_id: chat.campaignId,
    platform: 'telegram',
    platform_user_id: '9001',
    display_name: 'Hà',
    role: 'coordinator',
    unit_id: province.id,
    at: chat.clock.now(),
  });
}

import { expect, it } from 'vitest';
import { startZaloChannels } from '../../../src/cli/zalo-channels.js';
import { parseEnvConfig } from '../../../src/config/env-config.js';
import { createLogger } from '../../../src/config/logger.js';
import { ManualClock } from '../../../src/domain/clock.js';
import { ALL_JOBS } from '../../../src/jobs/job-registry.js';
import { getCampaign } from '../../../src/services/campaign.service.js';
import { loadQuangTri } from '../../support/campaign-fixture.js';
import { startFakeZaloBot } from '../../support/fake-zalo-bot/index.js';
import { describeEachDatabase } from '../../support/test-database.js';

// What `sohoa start` adds for Zalo, by the environment: nothing without a Zalo variable; Zalo Bot (polling
// or webhook) and/or the OA with their receivers, loops and jobs otherwise.

const TG_TOKEN = '123456:telegram-token-for-tests';
const OA = {
  ZALO_OA_APP_ID: '1234',
  ZALO_OA_APP_SECRET: 'app-secret',
  ZALO_OA_SECRET_KEY: 'oa-secret-key',
  ZALO_OA_TOKEN_KEY: 'k'.repeat(32),
};

describeEachDatabase('the Zalo channels of sohoa start', (database) => {
  it('adds nothing without Zalo, and channels, receivers, loops and jobs with it', async () => {
    const { db } = database();
    const clock = new ManualClock('2025-03-10T09:00:00+07:00');
    await loadQuangTri(db);
    const campaigns = [await getCampaign(db)];
    const zalo = await startFakeZaloBot({ clock });
    const abort = new AbortController();
    const logger = createLogger('silent');
    const base = { db, clock, logger, signal: abort.signal, campaigns, onStored: () => undefined };
    try {
      const none = await startZaloChannels({
        ...base,
        config: parseEnvConfig({ TELEGRAM_BOT_TOKEN: TG_TOKEN }),
        signing: undefined,
      });
      expect([none.channels.length, none.receivers.length, none.jobs]).toEqual([0, 0, undefined]);
      expect(await none.start(abort.signal, true)).toEqual([]);

      // Long polling Zalo Bot and the OA: both channels, the OA's receiver only, the poller and the
      // refresher as loops, the OA's jobs and the evening package job beside the usual ones.
      const both = await startZaloChannels({
        ...base,
        config: parseEnvConfig({
          TELEGRAM_BOT_TOKEN: TG_TOKEN,
          ZALO_BOT_TOKEN: zalo.token,
          ZALO_BOT_API_ROOT: zalo.apiRoot,
          ...OA,
        }),
        signing: { baseUrl: 'https://sohoa.example', secret: 's'.repeat(32) },
      });
      expect(both.channels.map((c) => c.platform)).toEqual(['zalo-bot', 'zalo-oa']);
      expect(both.receivers.map((r) => r.path)).toEqual(['/zalo-oa/webhook']);
      expect(both.jobs?.map((j) => j.name)).toEqual([
        ...ALL_JOBS.map((j) => j.name),
        'zalo-oa-nhac-som',
        'zalo-oa-cua-so',
        'zalo-goi-ngay',
      ]);
      const loops = await both.start(abort.signal, true);
      expect(loops.map(([name]) => name)).toEqual(['zalo-bot-poller', 'zalo-oa-refresher']);
      expect(zalo.calls.map((c) => c.method).slice(0, 2)).toEqual(['getMe', 'deleteWebhook']);
      abort.abort();
      await Promise.all(loops.map(([, loop]) => loop));

      // Webhook mode: Zalo Bot's receiver on its own path, the webhook set on WEBHOOK_URL's host.
      const again = new AbortController();
      const hooked = await startZaloChannels({
        ...base,
        signal: again.signal,
        config: parseEnvConfig({
          TELEGRAM_BOT_TOKEN: TG_TOKEN,
          ZALO_BOT_TOKEN: zalo.token,
          ZALO_BOT_API_ROOT: zalo.apiRoot,
          WEBHOOK_URL: 'https://bot.example.vn/telegram/hook',
          WEBHOOK_SECRET: 'webhook-secret-1234',
          PORT: '8443',
        }),
        signing: undefined,
      });
      expect(hooked.receivers.map((r) => r.path)).toEqual(['/zalo-bot/webhook']);
      expect(hooked.jobs?.map((j) => j.name).at(-1)).toBe('zalo-goi-ngay');
      expect(await hooked.start(again.signal, true)).toEqual([]);
      expect(zalo.webhook).toEqual({
        url: 'https://bot.example.vn/zalo-bot/webhook',
        secret: 'webhook-secret-1234',
      });
      again.abort();
    } finally {
      abort.abort();
      await zalo.close();
    }
  });
});

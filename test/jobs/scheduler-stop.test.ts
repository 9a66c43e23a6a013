import { expect, it } from 'vitest';
import { createLogger } from '../../src/config/logger.js';
import { ManualClock } from '../../src/domain/clock.js';
import type { JobDefinition } from '../../src/jobs/job-definition.js';
import { startScheduler } from '../../src/jobs/job-scheduler.js';
import { campaignDates } from '../../src/jobs/job-slots.js';
import { getCampaign } from '../../src/services/campaign.service.js';
import { loadQuangTri } from '../support/campaign-fixture.js';
import { describeEachDatabase } from '../support/test-database.js';

// A SIGTERM that lands while the start's catch-up tick is still running (found by
// test/ops/two-channels.test.ts: with the OA's jobs that tick lasts long enough on PostgreSQL) must stop
// the scheduler once the tick is done, not leave the service waiting for an abort that already happened.

describeEachDatabase('the scheduler stopped during its first tick', (database) => {
  it('ends after that tick instead of waiting forever', async () => {
    const { db } = database();
    await loadQuangTri(db);
    const campaign = await getCampaign(db);
    const stop = new AbortController();
    let ran = 0;
    const stopsTheService: JobDefinition = {
      name: 'zalo-goi-ngay',
      slotTimes: (settings) => campaignDates(settings).map((date) => ({ date, time: '16:00' })),
      run: () => {
        ran++;
        stop.abort();
        return Promise.resolve({ messages: [], outcome: { units: 0, errors: [] } });
      },
    };
    await startScheduler({
      db,
      campaign,
      clock: new ManualClock('2025-03-10T16:00:30+07:00'),
      logger: createLogger('silent'),
      signal: stop.signal,
      jobs: [stopsTheService],
    });
    expect(ran).toBe(1);
    expect(stop.signal.aborted).toBe(true);
  });
});

import { expect, it } from 'vitest';
import { createLogger } from '../../src/config/logger.js';
import { ManualClock } from '../../src/domain/clock.js';
import { dailySummaryJob } from '../../src/jobs/daily-summary.job.js';
import { slotAtOrBefore } from '../../src/jobs/job-slots.js';
import { getCampaign } from '../../src/services/campaign.service.js';
import { loadQuangTri } from '../support/campaign-fixture.js';
import { seedReports } from '../support/report-seed.js';
import { describeEachDatabase } from '../support/test-database.js';

describeEachDatabase("the evening package's link to the day's dashboard", (database) => {
  it('ends the summary text with the scope page of that day when the web side is on, and only then', async () => {
    const { db } = database();
    const clock = new ManualClock('2025-03-10T17:30:00+07:00');
    const campaignId = await loadQuangTri(db, clock);
    await seedReports(db, campaignId, ['2025-03-09', '2025-03-10']);
    const province = await db
      .selectFrom('units')
      .select('id')
      .where('code', '=', '45')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('group_chats')
      .values({
        campaign_id: campaignId,
        platform: 'telegram',
        chat_id: '-100245',
        title: 'Lãnh đạo tỉnh',
        purpose: 'leadership',
        scope_unit_id: province.id,
        registered_at: clock.now(),
        registered_by: null,
      })
      .execute();
    const campaign = await getCampaign(db);
    const slot = slotAtOrBefore(dailySummaryJob, campaign, clock.now());
    if (!slot) throw new Error('no summary slot');
    const context = { db, campaign, slot, now: clock.now(), logger: createLogger('silent') };
    const textOf = (result: Awaited<ReturnType<typeof dailySummaryJob.run>>) =>
      result.messages
        .filter((m) => m.kind === 'text')
        .map((m) => (m.payload as { text: string }).text)
        .join('\n');

    const withWeb = textOf(await dailySummaryJob.run({ ...context, webBaseUrl: 'https://sohoa.example.vn' }));
    expect(withWeb).toContain(`https://sohoa.example.vn/d/${province.id}?ngay=2025-03-10`);
    expect(withWeb).toContain('/web');
    const without = textOf(await dailySummaryJob.run(context));
    expect(without).not.toContain('https://');
    expect(without.length).toBeGreaterThan(50);
  });
});

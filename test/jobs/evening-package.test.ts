import { expect, it } from 'vitest';
import { createLogger } from '../../src/config/logger.js';
import { ManualClock } from '../../src/domain/clock.js';
import { dailySummaryJob } from '../../src/jobs/daily-summary.job.js';
import { runJobSlot } from '../../src/jobs/job-runner.js';
import { slotAtOrBefore } from '../../src/jobs/job-slots.js';
import { createInvite } from '../../src/services/invite.service.js';
import { startBotHarness } from '../support/bot-harness.js';
import { loadQuangTri } from '../support/campaign-fixture.js';
import { seedReports } from '../support/report-seed.js';
import { describeEachDatabase } from '../support/test-database.js';

describeEachDatabase('the evening package (tong-hop-ngay)', (database) => {
  it('gives a leadership group one album, one text and one PDF — and nothing again on a re-run', async () => {
    const { db } = database();
    const clock = new ManualClock('2025-03-10T12:00:00+07:00');
    const campaignId = await loadQuangTri(db, clock);
    await seedReports(db, campaignId, ['2025-03-09', '2025-03-10'], { skipEvery: 5 });
    const harness = await startBotHarness(db, clock);
    const { api } = harness;
    try {
      const code = (
        await createInvite(
          db,
          { campaignId, unitCode: '45', role: 'leader', uses: 1, validDays: 5, createdBy: 't' },
          clock,
        )
      ).code;
      const group = { id: -1_002_000_000_045, type: 'supergroup', title: 'Lãnh đạo tỉnh' } as const;
      const boss = api.user(70, { firstName: 'Chánh Văn phòng' });
      api.addBotToGroup(boss, group);
      api.sendText(boss, `/dangky ${code}`, group);
      await harness.settle();
      api.clear();

      clock.set(new Date('2025-03-10T17:30:00+07:00'));
      const deps = {
        db,
        campaign: harness.campaign,
        clock,
        logger: createLogger('silent'),
        instance: 'test',
      };
      const slot = slotAtOrBefore(dailySummaryJob, harness.campaign, clock.now());
      if (!slot) throw new Error('no summary slot on 10/03');
      expect((await runJobSlot(deps, dailySummaryJob, slot, { force: false })).kind).toBe('ran');
      await harness.settle();
      const calls = api.sent.filter((c) => c.ok && c.chatId === group.id);
      expect(calls.map((c) => c.method)).toEqual(['sendMediaGroup', 'sendMessage', 'sendDocument']);
      // The province: the ranked communes over several images, the district comparison and the progress chart.
      const images = calls[0]?.files ?? [];
      expect(images.length).toBeGreaterThanOrEqual(3);
      expect(images.length).toBeLessThanOrEqual(10);
      expect(images.map((f) => f.fileName)).toEqual(images.map((_, i) => `bieu-do-2025-03-10-${i + 1}.png`));
      const first = api.messagesTo(group.id).find((m) => 'media_group_id' in m && m.media_group_id);
      expect(first && 'caption' in first ? first.caption : '').toBe(
        'Biểu đồ tiến độ số hóa – Tỉnh Quảng Trị, ngày 10/03/2025',
      );

      api.clear();
      expect((await runJobSlot(deps, dailySummaryJob, slot, { force: false })).kind).toBe('taken');
      await harness.settle();
      expect(api.sent.filter((c) => c.ok && c.chatId === group.id)).toEqual([]);
    } finally {
      await harness.close();
    }
  });
});

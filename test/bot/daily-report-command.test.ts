import { expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import { createInvite } from '../../src/services/invite.service.js';
import { lastText, startBotHarness } from '../support/bot-harness.js';
import { loadQuangTri } from '../support/campaign-fixture.js';
import { seedReports } from '../support/report-seed.js';
import { describeEachDatabase } from '../support/test-database.js';

describeEachDatabase('/baocaongay on demand', (database) => {
  it('sends a district leader the charts, the summary and the PDF of their scope, and refuses reporters', async () => {
    const { db } = database();
    const clock = new ManualClock('2025-03-10T18:00:00+07:00');
    const campaignId = await loadQuangTri(db, clock);
    await seedReports(db, campaignId, ['2025-03-09', '2025-03-10'], { skipEvery: 4 });
    const harness = await startBotHarness(db, clock);
    const { api } = harness;
    try {
      const code = async (unit: string, role: 'leader' | 'reporter') =>
        (
          await createInvite(
            db,
            { campaignId, unitCode: unit, role, uses: 1, validDays: 5, createdBy: 't' },
            clock,
          )
        ).code;
      const leader = api.user(77, { firstName: 'Chủ tịch' });
      const reporter = api.user(78, { firstName: 'Lan' });
      api.sendText(leader, `/start ${await code('469', 'leader')}`);
      api.sendText(reporter, `/start ${await code('19333', 'reporter')}`);
      await harness.settle();
      api.clear();
      api.sendText(leader, '/baocaongay');
      api.sendText(reporter, '/baocaongay');
      await harness.settle();
      const toLeader = api.sent.filter((c) => String(c.chatId) === '77' && c.ok);
      const methods = toLeader.map((c) => c.method);
      expect(methods.filter((m) => m === 'sendPhoto')).toHaveLength(2); // one ranking image (16 communes) + progress
      expect(methods.slice(-2)).toEqual(['sendMessage', 'sendDocument']);
      const summary = toLeader.find((c) => c.method === 'sendMessage')?.text ?? '';
      expect(summary).toContain('HUYỆN TRIỆU PHONG');
      const pdf = toLeader.find((c) => c.method === 'sendDocument')?.files?.[0];
      expect(pdf?.fileName).toBe('bao-cao-ngay-2025-03-10-huyen-trieu-phong.pdf');
      expect(
        Buffer.from(pdf?.bytes ?? [])
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
      expect(lastText(api, 78)).toContain('không có quyền');
    } finally {
      await harness.close();
    }
  });
});

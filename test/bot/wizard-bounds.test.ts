import { expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import { createInvite } from '../../src/services/invite.service.js';
import { lastText, startBotHarness } from '../support/bot-harness.js';
import { loadQuangTri } from '../support/campaign-fixture.js';
import { describeEachDatabase } from '../support/test-database.js';

describeEachDatabase('the step-by-step report with absurd answers', (database) => {
  it('asks again for a figure too large to store, and completes with good answers', async () => {
    const { db } = database();
    const clock = new ManualClock('2025-03-10T09:00:00+07:00');
    const campaignId = await loadQuangTri(db);
    const harness = await startBotHarness(db, clock);
    try {
      const { code } = await createInvite(
        db,
        { campaignId, unitCode: '19333', role: 'reporter', uses: 1, validDays: 30, createdBy: 'test' },
        clock,
      );
      const lan = harness.api.user(501, { firstName: 'Lan' });
      const say = async (text: string) => {
        harness.api.sendText(lan, text);
        await harness.settle();
        return lastText(harness.api, lan.id);
      };
      await say(`/start ${code}`);
      await say('/baocao');
      expect(await say('99999999999999999999')).toContain('quá lớn');
      expect(await say('9'.repeat(5000))).toContain('quá lớn');
      await say('12');
      await say('1540');
      await say('1320');
      await say('1100');
      const stored = await db
        .selectFrom('daily_reports')
        .select(['books', 'scanned', 'entered', 'attached'])
        .execute();
      expect(stored).toEqual([{ books: 12, scanned: 1540, entered: 1320, attached: 1100 }]);
      const unfinished = await db.selectFrom('inbox').select('id').where('status', '!=', 'done').execute();
      expect(unfinished).toEqual([]);
    } finally {
      await harness.close();
    }
  });
});

import { expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import { createInvite } from '../../src/services/invite.service.js';
import { startBotHarness } from '../support/bot-harness.js';
import { loadQuangTri } from '../support/campaign-fixture.js';
import { describeEachDatabase } from '../support/test-database.js';

describeEachDatabase('replies longer than Telegram allows', (database) => {
  it('arrive split at Telegram’s limit instead of being refused and lost', async () => {
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
      harness.api.sendText(lan, `/start ${code}`);
      await harness.settle();
      const before = harness.api.messagesTo(lan.id).length;
      harness.api.sendText(lan, `/baocao ${'x'.repeat(5000)}`);
      await harness.settle();
      const replies = harness.api.messagesTo(lan.id).slice(before);
      expect(replies.length).toBeGreaterThanOrEqual(1);
      for (const reply of replies) {
        expect('text' in reply ? reply.text.length : 0).toBeLessThanOrEqual(4096);
      }
      // What the person typed is quoted back cut short, so the reply stays a phone screen long.
      const text = replies.map((r) => ('text' in r ? r.text : '')).join('\n');
      expect(text).toContain('…');
      expect(text.length).toBeLessThan(1000);
      const failed = await db.selectFrom('outbox').select('id').where('status', '=', 'failed').execute();
      expect(failed).toEqual([]);
    } finally {
      await harness.close();
    }
  });
});

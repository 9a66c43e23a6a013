import { expect, it } from 'vitest';
import { startReporterChat } from '../support/chat-fixture.js';
import { describeEachDatabase } from '../support/test-database.js';

describeEachDatabase('replies longer than Telegram allows', (database) => {
  it('quote a 5,000-character token cut short, and arrive instead of being refused and lost', async () => {
    const { db } = database();
    const { harness, lan } = await startReporterChat(db);
    try {
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

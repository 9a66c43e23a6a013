import { expect, it } from 'vitest';
import { startReporterChat } from '../support/chat-fixture.js';
import { describeEachDatabase } from '../support/test-database.js';

describeEachDatabase('the step-by-step report with absurd answers', (database) => {
  it('asks again for a figure too large to store, and completes with good answers', async () => {
    const { db } = database();
    const { harness, say } = await startReporterChat(db);
    try {
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

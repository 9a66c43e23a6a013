import type { Update } from 'telegraf/types';
import { expect, it } from 'vitest';
import { lastText } from '../support/bot-harness.js';
import { startReporterChat } from '../support/chat-fixture.js';
import { describeEachDatabase } from '../support/test-database.js';

describeEachDatabase('a person edits a message they sent', (database) => {
  it('takes an edited report of today as a correction, and answers other edits with a hint', async () => {
    const { db } = database();
    const { clock, harness, lan, say } = await startReporterChat(db);
    try {
      const edit = async (text: string, sentAt: Date) => {
        harness.api.inject({
          edited_message: {
            message_id: 77,
            date: Math.floor(sentAt.getTime() / 1000),
            edit_date: Math.floor(clock.now().getTime() / 1000),
            chat: { id: lan.id, type: 'private', first_name: 'Lan' },
            from: { id: lan.id, is_bot: false, first_name: 'Lan' },
            text,
          },
        } as unknown as Omit<Update.EditedMessageUpdate, 'update_id'>);
        await harness.settle();
        return lastText(harness.api, lan.id);
      };
      const sentAt = clock.now();
      await say('/baocao sổ 12 quét 1540 nhập 1320 đính kèm 1100');
      clock.advance(10 * 60_000);
      // The person fixes a typo in the same message: today's report takes the corrected figure.
      expect(await edit('/baocao sổ 12 quét 1640 nhập 1320 đính kèm 1100', sentAt)).toContain('1.640');
      const today = await db.selectFrom('daily_reports').select(['scanned']).execute();
      expect(today).toEqual([{ scanned: 1640 }]);
      // A decrease still asks for confirmation, as for any report.
      expect(await edit('/baocao sổ 12 quét 1500 nhập 1320 đính kèm 1100', sentAt)).toMatch(/xác nhận/i);
      expect(await db.selectFrom('daily_reports').select(['scanned']).execute()).toEqual([{ scanned: 1640 }]);
      // Other edits are not taken as new messages.
      expect(await edit('xin chào', sentAt)).toContain('không đọc lại tin nhắn đã sửa');
      // A report from an earlier day cannot change that day.
      clock.advance(24 * 3600_000);
      expect(await edit('/baocao sổ 12 quét 1700 nhập 1320 đính kèm 1100', sentAt)).toContain('10/03/2025');
      expect(await db.selectFrom('daily_reports').select(['scanned']).execute()).toEqual([{ scanned: 1640 }]);
    } finally {
      await harness.close();
    }
  });
});

import type { Update } from 'telegraf/types';
import { expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import { createInvite } from '../../src/services/invite.service.js';
import { lastText, startBotHarness } from '../support/bot-harness.js';
import { loadQuangTri } from '../support/campaign-fixture.js';
import { describeEachDatabase } from '../support/test-database.js';

describeEachDatabase('ids from outside the bot', (database) => {
  it('answers forged button data and huge ids politely, never with a database error', async () => {
    const { db } = database();
    const clock = new ManualClock('2025-03-10T09:00:00+07:00');
    const campaignId = await loadQuangTri(db);
    const harness = await startBotHarness(db, clock);
    try {
      const join = async (userId: number, unitCode: string, role: 'reporter' | 'coordinator') => {
        const { code } = await createInvite(
          db,
          { campaignId, unitCode, role, uses: 1, validDays: 30, createdBy: 'test' },
          clock,
        );
        const user = harness.api.user(userId, { firstName: `U${userId}` });
        harness.api.sendText(user, `/start ${code}`);
        await harness.settle();
        return user;
      };
      const lan = await join(501, '19333', 'reporter');
      const binh = await join(601, '464', 'coordinator');
      const press = async (user: { id: number; first_name: string }, data: string) => {
        const sent = harness.api.lastMessageTo(user.id);
        harness.api.inject({
          callback_query: {
            id: `q${data}`,
            from: { id: user.id, is_bot: false, first_name: user.first_name },
            chat_instance: 'c',
            data,
            message: sent,
          },
        } as unknown as Omit<Update.CallbackQueryUpdate, 'update_id'>);
        await harness.settle();
        return lastText(harness.api, user.id);
      };
      expect(await press(lan, 'rc:99999999999999999999')).toContain('đã được xử lý');
      expect(await press(lan, 'rx:2147483648')).toContain('đã được xử lý');
      expect(await press(binh, 'nn:r:99999999999999999999')).toContain('đã được gửi hoặc đã hủy');
      harness.api.sendText(binh, '/mau 999999999999');
      await harness.settle();
      expect(lastText(harness.api, binh.id)).toContain('/mau <số>');
      const failed = await db.selectFrom('inbox').select('id').where('status', '!=', 'done').execute();
      expect(failed).toEqual([]);
      const retried = await db.selectFrom('inbox').select('id').where('attempts', '>', 0).execute();
      expect(retried).toEqual([]);
    } finally {
      await harness.close();
    }
  });
});

import { expect, it } from 'vitest';
import type { Message, User } from 'telegraf/types';
import { ManualClock } from '../../src/domain/clock.js';
import { createInvite } from '../../src/services/invite.service.js';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';
import type { FakeBotApi } from '../support/fake-telegram/index.js';
import { loadQuangTri } from '../support/campaign-fixture.js';
import { describeEachDatabase } from '../support/test-database.js';

const text = (m: Message | undefined) => (m && 'text' in m ? m.text : '');
/** The reminders (📢) a chat received. */
const remindersTo = (api: FakeBotApi, chatId: number) =>
  api
    .messagesTo(chatId)
    .map(text)
    .filter((t) => t.startsWith('📢'));
const buttonData = (m: Message | undefined) =>
  [...JSON.stringify(m && 'reply_markup' in m ? m.reply_markup : {}).matchAll(/"(nn:[cxr]:\d+)"/g)].map(
    (x) => x[1] ?? '',
  );

describeEachDatabase('coordinators remind communes with /nhacnho', (database) => {
  const setup = async () => {
    const { db } = database();
    const clock = new ManualClock('2025-03-10T09:00:00+07:00');
    const campaignId = await loadQuangTri(db);
    const harness: BotHarness = await startBotHarness(db, clock);
    const join = async (user: User, unitCode: string, role: 'reporter' | 'coordinator' | 'leader') => {
      const invite = await createInvite(
        db,
        { campaignId, unitCode, role, uses: 1, validDays: 30, createdBy: 'test' },
        clock,
      );
      harness.api.sendText(user, `/start ${invite.code}`);
      await harness.settle();
      return user;
    };
    const say = async (from: User, message: string) => {
      harness.api.sendText(from, message);
      await harness.settle();
      return harness.api.lastMessageTo(from.id);
    };
    const press = async (from: User, message: Message | undefined, data: string) => {
      if (!message) throw new Error('no message to press on');
      harness.api.pressButton(from, message, data);
      await harness.settle();
      return harness.api.messagesTo(from.id).find((m) => m.message_id === message.message_id);
    };
    const api = harness.api;
    const people = {
      phuong1: await join(api.user(501, { firstName: 'Lan' }), '19333', 'reporter'),
      dongGiang: await join(api.user(502, { firstName: 'Mai' }), '19330', 'reporter'),
      hoXa: await join(api.user(503, { firstName: 'Cúc' }), '19363', 'reporter'),
      hung: await join(api.user(900, { firstName: 'Hùng' }), '461', 'coordinator'),
      province: await join(api.user(901, { firstName: 'Sơn' }), '45', 'coordinator'),
      leader: await join(api.user(950, { firstName: 'Bình' }), '45', 'leader'),
    };
    await say(people.phuong1, '/baocao sổ 12 quét 1540 nhập 1320 đính kèm 1100');
    return { db, clock, harness, people, say, press };
  };

  it('previews, confirms, delivers once to each reporter, and reports the result', async () => {
    const { db, harness, people, say, press } = await setup();
    try {
      const preview = await say(people.hung, '/nhacnho chuabaocao Đề nghị báo cáo trước 17:00 hôm nay.');
      expect(text(preview)).toContain(
        '📢 Tin nhắc sẽ gửi tới 1 cán bộ của 1 xã (các xã của Thành phố Đông Hà chưa báo cáo hôm nay):',
      );
      expect(text(preview)).toContain(
        '📢 Tin nhắc gửi đồng chí:\nĐề nghị báo cáo trước 17:00 hôm nay.\n— Phòng Tư pháp thành phố Đông Hà',
      );
      const [send, cancel] = buttonData(preview);
      expect(cancel).toMatch(/^nn:x:/);
      // Nothing is queued before the coordinator confirms.
      const broadcasts = db.selectFrom('outbox').where('dedupe_key', 'like', 'broadcast:%').selectAll();
      expect(await broadcasts.execute()).toHaveLength(0);

      // A double tap: both presses reach the bot before the buttons are gone; the second finds it decided.
      harness.api.pressButton(people.hung, preview as Message, send ?? '');
      const queued = await press(people.hung, preview, send ?? '');
      expect(text(queued)).toContain(
        '✅ Đã xếp hàng gửi 1 tin nhắc tới các xã của Thành phố Đông Hà chưa báo cáo hôm nay.',
      );
      // Signed by the coordinator's office (a district: its Phòng Tư pháp), not by the person.
      const delivered =
        '📢 Tin nhắc gửi đồng chí:\nĐề nghị báo cáo trước 17:00 hôm nay.\n— Phòng Tư pháp thành phố Đông Hà';
      expect(text(harness.api.lastMessageTo(502))).toBe(delivered);
      expect(harness.api.deliveredCount(502, delivered)).toBe(1);
      expect(remindersTo(harness.api, 503)).toEqual([]);

      const result = await press(people.hung, queued, buttonData(queued)[0] ?? '');
      expect(text(result)).toContain('📊 Kết quả tin nhắc: đã gửi 1/1, lỗi 0, đang chờ gửi 0.');
      expect(harness.api.duplicateDeliveries()).toEqual([]);
    } finally {
      await harness.close();
    }
  });

  it('reaches units by pace, code or name, counts failures, cancels and expires', async () => {
    const { db, clock, harness, people, say, press } = await setup();
    try {
      // Both Đông Hà communes are behind the plan's pace on day 10 (Phường 1 at 18,6%, Đông Giang at 0%).
      const slow = await say(people.hung, '/nhacnho cham Cần tăng tốc đính kèm hồ sơ.');
      expect(text(slow)).toContain('tới 2 cán bộ của 2 xã (các xã của Thành phố Đông Hà đang chậm tiến độ)');
      harness.api.failNext('sendMessage', {
        code: 403,
        description: 'Forbidden: bot was blocked by the user',
      });
      const queued = await press(people.hung, slow, buttonData(slow)[0] ?? '');
      const result = await press(people.hung, queued, buttonData(queued)[0] ?? '');
      expect(text(result)).toContain('đã gửi 1/2, lỗi 1, đang chờ gửi 0.');
      expect(text(result)).toContain('chặn bot');

      // Whoever blocked the bot is no longer a member to remind.
      const blocked = await db
        .selectFrom('members')
        .select('platform_user_id')
        .where('active', '=', false)
        .execute();
      expect(blocked.map((m) => m.platform_user_id)).toHaveLength(1);
      const [blockedName, reachableName] =
        blocked[0]?.platform_user_id === '501'
          ? ['Phường 1', 'phuong dong giang']
          : ['Phường Đông Giang', 'phuong 1'];
      expect(text(await say(people.hung, `/nhacnho ${reachableName} Gọi lại cho Phòng nhé`))).toContain(
        'tới 1 cán bộ của 1 xã (Phường',
      );
      expect(text(await say(people.hung, `/nhacnho ${blockedName} Gọi lại cho Phòng nhé`))).toBe(
        `Không có ai để nhắc: ${blockedName} chưa có cán bộ báo cáo nào tham gia bot.`,
      );
      const all = await say(people.province, '/nhacnho tất cả Họp giao ban lúc 14:00.');
      expect(text(all)).toContain('(tất cả các xã của Tỉnh Quảng Trị)');
      expect(text(all)).toContain('Họp giao ban lúc 14:00.\n— Sở Tư pháp tỉnh Quảng Trị');
      const cancelled = await press(people.province, all, buttonData(all)[1] ?? '');
      expect(text(cancelled)).toBe('Đã hủy tin nhắc, không gửi cho ai.');

      const late = await say(people.province, '/nhacnho Huyện Vĩnh Linh Nhắc báo cáo.');
      expect(text(late)).toContain('tới 1 cán bộ của 1 xã (Huyện Vĩnh Linh)');
      clock.advance(31 * 60_000);
      expect(text(await press(people.province, late, buttonData(late)[0] ?? ''))).toContain('quá 30 phút');
      expect(remindersTo(harness.api, 503)).toEqual([]);
    } finally {
      await harness.close();
    }
  });

  it('refuses clearly: wrong role, no text, unknown or out-of-scope or ambiguous units', async () => {
    const { harness, people, say } = await setup();
    try {
      const refusal = async (who: User, command: string) => text(await say(who, command));
      expect(await refusal(people.dongGiang, '/nhacnho tatca Xin chào')).toContain('Chỉ cán bộ điều phối');
      expect(await refusal(people.leader, '/nhacnho tatca Xin chào')).toContain('Chỉ cán bộ điều phối');
      expect(await refusal(people.hung, '/nhacnho')).toContain('Cách dùng: /nhacnho <đối tượng> <nội dung>');
      expect(await refusal(people.hung, '/nhacnho tatca')).toContain('Thiếu nội dung tin nhắc');
      expect(await refusal(people.hung, '/nhacnho ai_do Xin chào')).toContain('Không hiểu đối tượng «ai_do»');
      expect(await refusal(people.hung, '/nhacnho 99999 Xin chào')).toContain('Không hiểu đối tượng «99999»');
      expect(await refusal(people.hung, '/nhacnho 19363 Xin chào')).toBe(
        'Thị trấn Hồ Xá không thuộc phạm vi của anh/chị (Thành phố Đông Hà), nên không gửi tin nhắc tới đó được.',
      );
      expect(await refusal(people.hung, '/nhacnho Huyện Vĩnh Linh Xin chào')).toContain(
        'không thuộc phạm vi của anh/chị',
      );
      const ambiguous = await refusal(people.province, '/nhacnho Phường 1 Xin chào');
      expect(ambiguous).toContain('Có nhiều đơn vị tên «Phường 1»');
      expect(ambiguous).toContain('Phường 1 (Thành phố Đông Hà) — mã 19333');
      expect(ambiguous).toContain('Phường 1 (Thị xã Quảng Trị)');
      // In Đông Hà's scope the same name is unambiguous.
      expect(await refusal(people.hung, '/nhacnho Phường 1 Xin chào')).toContain('(Phường 1)');
    } finally {
      await harness.close();
    }
  });
});

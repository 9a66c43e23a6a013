import { expect, it } from 'vitest';
import { lastMarkup, lastText } from '../support/bot-harness.js';
import { startChat } from '../support/chat-fixture.js';
import { describeEachDatabase } from '../support/test-database.js';

describeEachDatabase('typed dates and held figures in /baocao', (database) => {
  const setup = async (at?: string) => {
    const { db } = database();
    const chat = await startChat(db, at);
    const { harness } = chat;
    const join = (userId: number, unitCode: string, role: 'reporter' | 'coordinator') =>
      chat.join(
        harness.api.user(userId, { firstName: role === 'reporter' ? 'Lan' : 'Hùng' }),
        unitCode,
        role,
      );
    type User = Awaited<ReturnType<typeof join>>;
    const say = (from: User, text: string) => chat.sayAs(from, text);
    const press = (from: User, prefix: string) => chat.pressAs(from, prefix);
    const reports = () =>
      db
        .selectFrom('daily_reports')
        .select(['report_date', 'books', 'scanned', 'entered', 'attached'])
        .orderBy('report_date')
        .execute();
    return { harness, join, say, press, reports };
  };

  it('resolves a coordinator’s typed dates inside the campaign and refuses the others with the range', async () => {
    const { harness, join, say, reports } = await setup();
    try {
      const hung = await join(900, '461', 'coordinator');
      const figures = 'sổ 9 quét 700 nhập 600 đính kèm 500';
      expect(await say(hung, `/baocao xã 19333 ngày 12/03 ${figures}`)).toBe(
        'Ngày 12/03/2025 chưa đến: chỉ nhận ngày từ 01/03/2025 đến hôm nay 10/03/2025.',
      );
      expect(await say(hung, `/baocao xã 19333 ngày 01/01/1900 ${figures}`)).toBe(
        'Ngày 01/01/1900 trước khi chiến dịch bắt đầu: chỉ nhận ngày từ 01/03/2025 đến hôm nay 10/03/2025.',
      );
      expect(await say(hung, `/baocao xã 19333 ngày 28/02 ${figures}`)).toContain(
        'Ngày 28/02/2025 trước khi chiến dịch bắt đầu',
      );
      expect(await reports()).toEqual([]);
      expect(await say(hung, `/baocao xã 19333 ngày 05/03 ${figures}`)).toContain(
        '✅ Đã ghi báo cáo ngày 05/03/2025 của Phường 1',
      );
      expect(await reports()).toEqual([
        { report_date: '2025-03-05', books: 9, scanned: 700, entered: 600, attached: 500 },
      ]);
    } finally {
      await harness.close();
    }
  });

  it('shows figures held from a refused message before recording them, and records them together', async () => {
    const { harness, join, say, press, reports } = await setup();
    try {
      const lan = await join(501, '19333', 'reporter');
      await say(lan, '/baocao sổ 10 quét 1000 nhập 900 đính kèm 800');
      const refused = await say(lan, '/baocao hôm qua quét 1500');
      expect(refused).toContain('❌ Chưa ghi báo cáo');
      expect(refused).toContain('quét 1.500');
      const asked = await say(lan, '/baocao đính kèm 850');
      expect(asked).toContain('Đang giữ: quét 1.500 — gửi tiếp để ghi cùng, hoặc hủy.');
      expect(asked).toContain('Số vừa gửi: đính kèm 850.');
      expect(lastMarkup(harness.api, lan.id)).toContain('Ghi cùng');
      expect((await reports())[0]?.attached).toBe(800);
      expect(await press(lan, 'rh:a')).toContain('✅ Đã ghi báo cáo');
      expect(await reports()).toEqual([
        { report_date: '2025-03-10', books: 10, scanned: 1500, entered: 900, attached: 850 },
      ]);
    } finally {
      await harness.close();
    }
  });

  it('records only the new figures, or nothing, as the sender chooses', async () => {
    const { harness, join, say, press, reports } = await setup();
    try {
      const lan = await join(501, '19333', 'reporter');
      await say(lan, '/baocao sổ 10 quét 1000 nhập 900 đính kèm 800');
      await say(lan, '/baocao hôm qua quét 1500');
      await say(lan, '/baocao đính kèm 850');
      expect(await press(lan, 'rh:n')).toContain('✅ Đã ghi báo cáo');
      expect((await reports())[0]).toMatchObject({ scanned: 1000, attached: 850 });

      await say(lan, '/baocao hôm qua quét 1600');
      expect(await say(lan, '/baocao đính kèm 870')).toContain('Đang giữ: quét 1.600');
      expect(await say(lan, 'Hủy')).toBe(
        'Đã hủy, không ghi: quét 1.600; đính kèm 870. Số liệu đã ghi trước đó vẫn giữ nguyên.',
      );
      expect((await reports())[0]).toMatchObject({ scanned: 1000, attached: 850 });
      // Nothing is held any more: the next message is recorded on its own.
      expect(await say(lan, '/baocao đính kèm 880')).toContain('✅ Đã ghi báo cáo');
      expect((await reports())[0]).toMatchObject({ scanned: 1000, attached: 880 });
    } finally {
      await harness.close();
    }
  });

  it('does not let an older question’s button answer a newer one', async () => {
    const { harness, join, say, reports } = await setup();
    try {
      const lan = await join(501, '19333', 'reporter');
      await say(lan, '/baocao sổ 10 quét 1000 nhập 900 đính kèm 800');
      await say(lan, '/baocao hôm qua quét 1500');
      await say(lan, '/baocao đính kèm 850');
      const first = harness.api.lastMessageTo(lan.id);
      const firstData = lastMarkup(harness.api, lan.id).match(/"(rh:a:\d+)"/)?.[1] ?? '';
      await say(lan, '/baocao đính kèm 860');
      if (!first) throw new Error('no question');
      harness.api.pressButton(lan, first, firstData);
      await harness.settle();
      expect(lastText(harness.api, lan.id)).toContain('Không còn số nào đang chờ');
      expect((await reports())[0]?.attached).toBe(800);
    } finally {
      await harness.close();
    }
  });
});

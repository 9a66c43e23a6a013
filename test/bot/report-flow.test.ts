import { expect, it } from 'vitest';
import { lastMarkup, lastText } from '../support/bot-harness.js';
import { startChat } from '../support/chat-fixture.js';
import { describeEachDatabase } from '../support/test-database.js';

describeEachDatabase('joining and reporting in the chat', (database) => {
  const setup = async (at?: string) => {
    const { db } = database();
    const { clock, harness, invite, sayAs, pressAs } = await startChat(db, at);
    const lan = harness.api.user(501, { firstName: 'Lan', lastName: 'Nguyễn' });
    const say = (text: string, from = lan) => sayAs(from, text);
    const press = (prefix: string, from = lan) => pressAs(from, prefix);
    return { db, clock, harness, invite, lan, say, press };
  };

  it('greets an unknown user with the way to join, and joins them with a code', async () => {
    const { harness, invite, say } = await setup();
    try {
      expect(await say('xin chào')).toContain('/start <mã mời>');
      expect(await say('/baocao sổ 12')).toContain('/start <mã mời>');
      expect(await say('/start SAIMA-12345')).toContain('Mã mời không đúng');
      const reply = await say(`/start ${await invite('19333')}`);
      expect(reply).toContain('Chào anh/chị Lan Nguyễn! Anh/chị đã tham gia chiến dịch');
      expect(reply).toContain('cán bộ báo cáo của xã — Phường 1');
      expect(reply).toContain('/baocao');
    } finally {
      await harness.close();
    }
  });

  it('stores a one-line report and answers with figures, changes, percentage and ranks', async () => {
    const { db, harness, invite, say } = await setup();
    try {
      await say(`/start ${await invite('19333')}`);
      const reply = await say('/baocao so 12 scan 1540 nhap 1320 dinhkem 1100');
      expect(reply).toContain('✅ Đã ghi báo cáo ngày 10/03/2025 của Phường 1:');
      expect(reply).toContain('Quét: 1.540 (+1.540)');
      expect(reply).toContain('Đã đính kèm 18,6% của 5.919 hồ sơ');
      expect(reply).toMatch(/Hạng: 1\/9 trong Thành phố Đông Hà · 1\/119 trong Tỉnh Quảng Trị/);
      const rows = await db.selectFrom('daily_reports').selectAll().execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        report_date: '2025-03-10',
        books: 12,
        scanned: 1540,
        entered: 1320,
        attached: 1100,
        late: false,
      });
      expect(lastMarkup(harness.api, 501)).toContain('Sửa báo cáo');
    } finally {
      await harness.close();
    }
  });

  it('names each wrong figure, keeps the valid ones, and completes with the missing part', async () => {
    const { db, harness, invite, say, press } = await setup();
    try {
      await say(`/start ${await invite('19333')}`);
      const first = await say('/baocao sổ 12, quét abc, nhập 1320, scam 5');
      expect(first).toContain('❌ Chưa ghi báo cáo');
      expect(first).toContain('«scam»');
      expect(first).toContain('Đã giữ lại các số hợp lệ: sổ 12, nhập 1.320');
      expect(await db.selectFrom('daily_reports').selectAll().execute()).toHaveLength(0);
      const second = await say('/baocao quét 1540 đính kèm 1100');
      expect(second).toContain('Đang giữ: sổ 12, nhập 1.320 — gửi tiếp để ghi cùng, hoặc hủy.');
      expect(second).toContain('Số vừa gửi: quét 1.540, đính kèm 1.100.');
      expect(await db.selectFrom('daily_reports').selectAll().execute()).toHaveLength(0);
      expect(await press('rh:a')).toContain('✅ Đã ghi báo cáo');
      const row = await db.selectFrom('daily_reports').selectAll().executeTakeFirstOrThrow();
      expect(row).toMatchObject({ books: 12, scanned: 1540, entered: 1320, attached: 1100 });
    } finally {
      await harness.close();
    }
  });

  it('refuses attached above entered, and holds a decrease until confirmed', async () => {
    const { db, clock, harness, invite, say, press } = await setup();
    try {
      await say(`/start ${await invite('19333')}`);
      expect(await say('/baocao sổ 10 quét 1000 nhập 900 đính kèm 950')).toContain(
        'không thể lớn hơn số nhập',
      );
      expect(await say('/baocao đính kèm 800')).toContain('Đang giữ: sổ 10, quét 1.000, nhập 900');
      expect(await press('rh:a')).toContain('✅ Đã ghi báo cáo');
      clock.advance(3_600_000);
      const held = await say('/baocao quét 990');
      expect(held).toContain('⚠️');
      expect(held).toContain('giảm so với lần báo cáo trước: 1.000 → 990');
      const revisions = await db.selectFrom('report_revisions').selectAll().orderBy('id').execute();
      expect(revisions.map((r) => r.status)).toEqual(['accepted', 'pending']);
      const message = harness.api.lastMessageTo(501);
      if (!message) throw new Error('no message');
      const data = lastMarkup(harness.api, 501).match(/"(rc:\d+)"/)?.[1] ?? '';
      harness.api.pressButton(harness.api.user(501), message, data);
      await harness.settle();
      expect(lastText(harness.api, 501)).toContain('✅ Đã ghi báo cáo');
      const current = await db.selectFrom('daily_reports').selectAll().executeTakeFirstOrThrow();
      expect(current.scanned).toBe(990);
    } finally {
      await harness.close();
    }
  });

  it('asks for each figure in turn when /baocao comes alone, showing the last values', async () => {
    const { db, harness, invite, say } = await setup();
    try {
      await say(`/start ${await invite('19333')}`);
      await say('/baocao sổ 10 quét 1000 nhập 900 đính kèm 800');
      expect(await say('/baocao')).toContain('Số sổ đã thu thập, phân loại (lần trước: 10)?');
      expect(await say('12')).toContain('(lần trước: 1.000)');
      expect(await say('mười')).toContain('Cần một số nguyên không âm');
      await say('1.100');
      await say('giữ');
      const done = await say('850');
      expect(done).toContain('✅ Đã ghi báo cáo');
      const row = await db.selectFrom('daily_reports').selectAll().executeTakeFirstOrThrow();
      expect(row).toMatchObject({ books: 12, scanned: 1100, entered: 900, attached: 850 });
    } finally {
      await harness.close();
    }
  });

  it('marks a report after the cut-off late, and lets only coordinators report past days', async () => {
    const { db, harness, invite, say } = await setup('2025-03-10T17:05:00+07:00');
    try {
      await say(`/start ${await invite('19333')}`);
      expect(await say('/baocao sổ 10 quét 1000 nhập 900 đính kèm 800')).toContain(
        '(sau giờ chốt, tính là muộn)',
      );
      expect(await say('/baocao ngày 08/03 sổ 9')).toContain('chỉ cán bộ điều phối');
      const coordinator = harness.api.user(900, { firstName: 'Hùng' });
      await say(`/start ${await invite('461', 'coordinator')}`, coordinator);
      const back = await say('/baocao xã 19333 ngày 08/03 sổ 9 quét 700 nhập 600 đính kèm 500', coordinator);
      expect(back).toContain('✅ Đã ghi báo cáo ngày 08/03/2025 của Phường 1');
      expect(await say('/baocao xã 19405 sổ 1', coordinator)).toContain('không thuộc phạm vi của anh/chị');
      const rows = await db
        .selectFrom('daily_reports')
        .select(['report_date', 'late'])
        .orderBy('report_date')
        .execute();
      expect(rows).toEqual([
        { report_date: '2025-03-08', late: true },
        { report_date: '2025-03-10', late: true },
      ]);
    } finally {
      await harness.close();
    }
  });
});

import { expect, it } from 'vitest';
import { registerTelegramCommandMenus } from '../../src/channels/telegram/telegram-commands.js';
import { createLogger } from '../../src/config/logger.js';
import { startChat } from '../support/chat-fixture.js';
import { describeEachDatabase } from '../support/test-database.js';

describeEachDatabase('finding the commands', (database) => {
  const setup = async (at?: string) => {
    const { db } = database();
    const { clock, campaignId, harness, invite, sayAs } = await startChat(db, at);
    const lan = harness.api.user(501, { firstName: 'Lan' });
    const say = (text: string, from = lan) => sayAs(from, text);
    return { db, clock, campaignId, harness, invite, lan, say };
  };
  const names = (commands: { command: string }[]) => commands.map((c) => c.command);

  it('registers the menus per scope at start, and a joining member gets their role’s menu', async () => {
    const { db, clock, campaignId, harness, invite, say } = await setup();
    const { api } = harness;
    try {
      const hung = api.user(900, { firstName: 'Hùng' });
      await say(`/start ${await invite('19333')}`);
      // Joining sets the member's own menu at once (an outbox row the Telegram delivery turns into setMyCommands).
      expect(names(api.myCommands('chat:501|'))).toEqual([
        'baocao',
        'tiendo',
        'xephang',
        'lichsu',
        'trogiup',
      ]);
      await say(`/start ${await invite('461', 'coordinator')}`, hung);
      expect(names(api.myCommands('chat:900|'))).toContain('xuatexcel');
      expect(names(api.myCommands('chat:900|'))).toContain('nhacnho');

      const registerMenus = () =>
        registerTelegramCommandMenus({
          telegram: harness.channel.telegram,
          db,
          campaignId,
          logger: createLogger('silent'),
          now: clock.now(),
        });
      // At start: the common private list, the group list, and every known active member's role list.
      api.clear();
      await registerMenus();
      // Members' own menus go out through the outbox, within the sender's limits.
      await harness.settle();
      const scopes = api.sent
        .filter((c) => c.method === 'setMyCommands' && c.ok)
        .map((c) => JSON.stringify(c.params.scope));
      expect(scopes).toEqual([
        '{"type":"all_private_chats"}',
        '{"type":"all_group_chats"}',
        '{"type":"chat","chat_id":"501"}',
        '{"type":"chat","chat_id":"900"}',
      ]);
      expect(names(api.myCommands('all_private_chats|'))).toEqual(names(api.myCommands('chat:501|')));
      expect(names(api.myCommands('all_group_chats|'))).toEqual([
        'tiendo',
        'xephang',
        'baocaongay',
        'bieudo',
        'dangky',
        'trogiup',
      ]);
      expect(api.myCommands('chat:900|').every((c) => c.description.length > 0)).toBe(true);

      // A restart sets the common lists again but sends no member's unchanged menu twice.
      api.clear();
      await registerMenus();
      await harness.settle();
      expect(api.sent.filter((c) => c.method === 'setMyCommands').length).toBe(2);

      // Cosmetic: a refused call is logged and start goes on.
      api.failNext('setMyCommands', { code: 500, description: 'Internal Server Error' });
      await expect(registerMenus()).resolves.toBeUndefined();
    } finally {
      await harness.close();
    }
  });

  it('mentions sample PDFs in the welcome and in /trogiup', async () => {
    const { harness, invite, say } = await setup();
    try {
      const welcome = await say(`/start ${await invite('19333')}`);
      expect(welcome).toContain('gửi thẳng tệp PDF đã quét (hoặc tệp ZIP gồm nhiều tệp PDF)');
      expect(welcome).toContain('/lichsu');
      const help = await say('/trogiup');
      expect(help).toContain('tệp PDF');
      expect(help).toContain('ZIP');
    } finally {
      await harness.close();
    }
  });

  it('accepts /Baocao, /bao cao and /Báo cáo as /baocao', async () => {
    const { db, harness, invite, say } = await setup();
    try {
      await say(`/start ${await invite('19333')}`);
      expect(await say('/Baocao sổ 10 quét 1000 nhập 900 đính kèm 800')).toContain('✅ Đã ghi báo cáo');
      expect(await say('/bao cao sổ 11 quét 1100 nhập 950 đính kèm 850')).toContain('✅ Đã ghi báo cáo');
      expect(await say('/Báo cáo sổ 12 quét 1200 nhập 1000 đính kèm 900')).toContain('✅ Đã ghi báo cáo');
      const row = await db.selectFrom('daily_reports').selectAll().executeTakeFirstOrThrow();
      expect(row).toMatchObject({ books: 12, scanned: 1200, entered: 1000, attached: 900 });
    } finally {
      await harness.close();
    }
  });

  it('reads a bare line of numbers from a reporter as a report, with a hint — unless a wizard is open', async () => {
    const { db, harness, invite, say } = await setup();
    const { api } = harness;
    try {
      await say(`/start ${await invite('19333')}`);
      api.clear();
      api.sendText(api.user(501, { firstName: 'Lan' }), '12 1800 1500 1400');
      await harness.settle();
      const texts = api.sent.filter((c) => c.ok && c.method === 'sendMessage').map((c) => c.text ?? '');
      expect(texts).toHaveLength(2);
      expect(texts[0]).toBe(
        'Đã hiểu là: sổ 12, quét 1.800, nhập 1.500, đính kèm 1.400 — lần sau anh/chị có thể gửi /baocao sổ 12 quét 1800 nhập 1500 đính kèm 1400',
      );
      expect(texts[1]).toContain('✅ Đã ghi báo cáo');
      expect(await db.selectFrom('daily_reports').selectAll().executeTakeFirstOrThrow()).toMatchObject({
        books: 12,
        scanned: 1800,
        entered: 1500,
        attached: 1400,
      });

      // With the step-by-step questions open, a number answers the question in hand.
      expect(await say('/baocao')).toContain('Số sổ đã thu thập, phân loại (lần trước: 12)?');
      const answer = await say('13 1900 1600 1500');
      expect(answer).not.toContain('Đã hiểu là');
      expect(answer).toContain('Cần một số nguyên không âm');
      // Numbers in a group, or not one per metric, are not a report.
      expect(await say('huy')).toBeTruthy();
      expect(await say('12 1800')).not.toContain('Đã hiểu là');
    } finally {
      await harness.close();
    }
  });

  it('lets /baocao xã name the commune, refusing an ambiguous name with the candidates', async () => {
    const { db, harness, invite, say } = await setup();
    try {
      const district = harness.api.user(900, { firstName: 'Hùng' });
      const province = harness.api.user(901, { firstName: 'Minh' });
      await say(`/start ${await invite('461', 'coordinator')}`, district);
      await say(`/start ${await invite('45', 'coordinator')}`, province);
      // Đông Hà's coordinator has one Phường 1 in scope (Thị xã Quảng Trị has another).
      const back = await say('/baocao xã Phường 1 sổ 9 quét 700 nhập 600 đính kèm 500', district);
      expect(back).toContain('✅ Đã ghi báo cáo ngày 10/03/2025 của Phường 1');
      const ambiguous = await say('/baocao xã phuong 1 sổ 9 quét 700 nhập 600 đính kèm 500', province);
      expect(ambiguous).toContain('Có nhiều xã tên «phuong 1» trong phạm vi của anh/chị');
      expect(ambiguous).toContain('Phường 1 (Thành phố Đông Hà) — mã 19333');
      expect(ambiguous).toContain('Phường 1 (Thị xã Quảng Trị) — mã 19357');
      const named = await say(
        '/baocao xã Triệu Long ngày 09/03 sổ 3 quét 300 nhập 200 đính kèm 100',
        province,
      );
      expect(named).toContain('✅ Đã ghi báo cáo ngày 09/03/2025 của Xã Triệu Long');
      expect(await say('/baocao xã Triệu Long sổ 1', district)).toContain('không thuộc phạm vi');
      const rows = await db.selectFrom('daily_reports').select(['unit_id', 'report_date']).execute();
      expect(rows).toHaveLength(2);
    } finally {
      await harness.close();
    }
  });
});

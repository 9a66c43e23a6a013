import { expect, it } from 'vitest';
import { packageRecipients } from '../../../src/services/package-channel.service.js';
import { startZaloChat } from '../../support/fake-zalo-bot/index.js';
import { describeEachDatabase } from '../../support/test-database.js';

// One person on Telegram and Zalo: a code shown in one and typed in the other; the evening package's
// platform as each leader's choice.

describeEachDatabase('linking a person’s Telegram and Zalo, and where their package goes', (database) => {
  const setup = async () => {
    const harness = await startZaloChat(database().db, { telegram: true });
    const { db, clock, zalo, invite, telegramSay: tgSay } = harness;
    const telegram = harness.telegram!;
    const zaloSay = (id: string, text: string) => harness.say(zalo.user(id, 'Bình'), text);
    const codeIn = (text: string) =>
      /Mã liên kết của anh\/chị: ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(text)?.[1] ?? '';
    return {
      db,
      clock,
      campaignId: harness.campaign.id,
      harness,
      telegram,
      zalo,
      tgSay,
      zaloSay,
      invite,
      codeIn,
    };
  };

  it('links with a single-use code typed on the other platform: same unit and role, one person', async () => {
    const { db, campaignId, harness, telegram, tgSay, zaloSay, invite, codeIn } = await setup();
    try {
      const binh = telegram.user(950, { firstName: 'Bình' });
      await tgSay(binh, `/start ${await invite('45', 'leader')}`);
      expect(await zaloSay('zb1nh', 'liên kết')).toContain('cần tham gia chiến dịch trước');
      const shown = await tgSay(binh, '/lienket');
      const code = codeIn(shown);
      expect(shown).toContain('gửi: /lienket');
      expect(shown).toContain('trong 10 phút');
      // Typed on the app that showed it: refused, and still usable on the other.
      expect(await tgSay(binh, `/lienket ${code}`)).toContain('ứng dụng KHÁC');
      expect(await zaloSay('zb1nh', `liên kết ${code.toLowerCase()}`)).toContain('✅ Đã liên kết. Trên Zalo');
      const members = await db
        .selectFrom('members')
        .select(['id', 'platform', 'platform_user_id', 'role', 'unit_id', 'active'])
        .orderBy('id')
        .execute();
      expect(members.map((m) => [m.platform, m.role, m.unit_id === members[0]?.unit_id, m.active])).toEqual([
        ['telegram', 'leader', true, true],
        ['zalo-bot', 'leader', true, true],
      ]);
      const links = await db.selectFrom('member_links').select(['member_id', 'person_member_id']).execute();
      expect(links).toEqual([{ member_id: members[1]?.id, person_member_id: members[0]?.id }]);
      // The Zalo membership works like any other.
      expect(await zaloSay('zb1nh', 'tiến độ')).toContain('Tỉnh Quảng Trị');
      // Used once: a second person cannot use it.
      expect(await zaloSay('someone-else', `/lienket ${code}`)).toContain('không đúng hoặc đã hết hạn');
      const another = codeIn(await tgSay(binh, '/lienket'));
      expect(await zaloSay('zb1nh', `/lienket ${another}`)).toContain(
        'đã tham gia chiến dịch trên ứng dụng này',
      );

      // The package: on Telegram's group by default, then Zalo by choice, asked from either app.
      expect(await tgSay(binh, '/nhanbaocao')).toContain('nhóm lãnh đạo trên Telegram (mặc định)');
      expect(await packageRecipients(db, campaignId, 'zalo-bot')).toEqual([]);
      expect(await tgSay(binh, '/nhanbaocao zalo')).toBe(
        '✅ Từ nay báo cáo buổi tối gửi cho anh/chị qua Zalo.',
      );
      expect(await zaloSay('zb1nh', 'nhận báo cáo')).toContain('hiện gửi cho anh/chị qua: Zalo.');
      expect(await packageRecipients(db, campaignId, 'zalo-bot')).toEqual([
        {
          member_id: members[1]?.id,
          platform_user_id: 'zb1nh',
          role: 'leader',
          unit_id: members[1]?.unit_id,
        },
      ]);
      expect(await packageRecipients(db, campaignId, 'telegram')).toEqual([]);
      expect(await zaloSay('zb1nh', '/nhanbaocao telegram')).toContain('qua Telegram');
      expect(await packageRecipients(db, campaignId, 'zalo-bot')).toEqual([]);
      expect(await zaloSay('zb1nh', '/nhanbaocao fax')).toContain('Không rõ ứng dụng «fax»');
      expect(harness.zalo.textsTo('zb1nh').every((t) => t.length <= 2000)).toBe(true);
    } finally {
      await harness.close();
    }
  });

  it('accepts the code with /start too, refuses it after 10 minutes, throttles guessing', async () => {
    const { clock, harness, telegram, tgSay, zaloSay, invite, codeIn } = await setup();
    try {
      const lan = telegram.user(501, { firstName: 'Lan' });
      await tgSay(lan, `/start ${await invite('19333', 'reporter')}`);
      const late = codeIn(await tgSay(lan, '/lienket'));
      clock.advance(10 * 60_000 + 1);
      expect(await zaloSay('zlan', `/start ${late}`)).toContain('không đúng hoặc đã hết hạn');
      const code = codeIn(await tgSay(lan, '/lienket'));
      expect(await zaloSay('zlan', `bắt đầu ${code}`)).toContain('đơn vị Phường 1');
      // A reporter has no package to choose.
      expect(await zaloSay('zlan', '/nhanbaocao zalo')).toBe('Anh/chị không có quyền dùng lệnh này.');

      const guesser = 'zguess';
      for (let i = 0; i < 5; i++) await zaloSay(guesser, '/lienket AAAA-BBBB');
      const fresh = codeIn(await tgSay(lan, '/lienket'));
      expect(await zaloSay(guesser, `/lienket ${fresh}`)).toContain('quá nhiều lần');
    } finally {
      await harness.close();
    }
  });

  it('tells a leader with no Zalo membership to link first', async () => {
    const { harness, telegram, tgSay, invite } = await setup();
    try {
      const binh = telegram.user(950, { firstName: 'Bình' });
      await tgSay(binh, `/start ${await invite('45', 'leader')}`);
      expect(await tgSay(binh, '/nhanbaocao zalo')).toContain('chưa dùng bot trên Zalo');
    } finally {
      await harness.close();
    }
  });
});

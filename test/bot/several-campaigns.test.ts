import type { Update } from 'telegraf/types';
import { expect, it } from 'vitest';
import { createLogger } from '../../src/config/logger.js';
import { deactivateMember } from '../../src/db/member.repository.js';
import { generateInviteCode } from '../../src/domain/invite-code.js';
import { reportCallJob } from '../../src/jobs/report-call.job.js';
import { CampaignSchedulers } from '../../src/jobs/job-scheduler.js';
import { renderExportCsv } from '../../src/reports/export-csv.js';
import { buildExportSheets } from '../../src/services/export.service.js';
import { uniqueInviteCode } from '../../src/services/invite.service.js';
import { createNationalInvite } from '../../src/services/national.service.js';
import { lastMarkup, lastText } from '../support/bot-harness.js';
import { describeEachDatabase } from '../support/test-database.js';
import { SECOND, startTwoCampaigns } from './several-campaigns-fixture.js';

const QT_NAME = 'Số hóa sổ hộ tịch tỉnh Quảng Trị 2025';

describeEachDatabase('several campaigns in one deployment', (database) => {
  it('finds each invite code its own campaign; reports and exports stay in their campaign', async () => {
    const { db } = database();
    const { harness, quangTriId, secondId, invite, sayAs, clock } = await startTwoCampaigns(db);
    const { api } = harness;
    try {
      const lan = api.user(501, { firstName: 'Lan' });
      const minh = api.user(502, { firstName: 'Minh' });
      expect(await sayAs(lan, `/start ${await invite(quangTriId, '19333')}`)).toContain(QT_NAME);
      expect(await sayAs(minh, `/start ${await invite(secondId, '19330')}`)).toContain(SECOND.name);
      const members = await db.selectFrom('members').select(['platform_user_id', 'campaign_id']).execute();
      expect(members).toEqual(
        expect.arrayContaining([
          { platform_user_id: '501', campaign_id: quangTriId },
          { platform_user_id: '502', campaign_id: secondId },
        ]),
      );
      // One campaign each: nobody is asked to choose.
      expect(await sayAs(lan, '/baocao so 12 scan 4000 nhap 3500 dinhkem 3210')).toContain(
        '✅ Đã ghi báo cáo',
      );
      expect(await sayAs(minh, '/baocao so 7 scan 5500 nhap 5450 dinhkem 5432')).toContain(
        '✅ Đã ghi báo cáo',
      );
      expect(await db.selectFrom('held_updates').selectAll().execute()).toEqual([]);

      const reports = await db
        .selectFrom('daily_reports')
        .innerJoin('units', 'units.id', 'daily_reports.unit_id')
        .select(['units.campaign_id', 'units.code', 'daily_reports.attached'])
        .orderBy('daily_reports.attached')
        .execute();
      expect(reports).toEqual([
        { campaign_id: quangTriId, code: '19333', attached: 3210 },
        { campaign_id: secondId, code: '19330', attached: 5432 },
      ]);
      const csvOf = async (campaign: (typeof harness.campaigns)[number]) =>
        renderExportCsv(await buildExportSheets(db, campaign, '2025-03-10', clock.now()));
      const [quangTri, second] = harness.campaigns;
      if (!quangTri || !second) throw new Error('two campaigns expected');
      const quangTriCsv = await csvOf(quangTri);
      const secondCsv = await csvOf(second);
      expect(quangTriCsv).toContain('3210');
      expect(quangTriCsv).not.toContain('5432');
      expect(secondCsv).toContain('5432');
      expect(secondCsv).not.toContain('3210');
    } finally {
      await harness.close();
    }
  });

  it('asks a person in both campaigns once, keeps their messages until they choose, and remembers', async () => {
    const { db } = database();
    const { harness, quangTriId, secondId, invite, sayAs, pressAs } = await startTwoCampaigns(db);
    const { api } = harness;
    try {
      const hoa = api.user(601, { firstName: 'Hoa' });
      // Each code names its campaign, whatever else she has joined.
      expect(await sayAs(hoa, `/start ${await invite(quangTriId, '19330')}`)).toContain(QT_NAME);
      expect(await sayAs(hoa, `/start ${await invite(secondId, '19333')}`)).toContain(SECOND.name);

      const question = await sayAs(hoa, '/tiendo');
      expect(question).toContain('Anh/chị đang tham gia nhiều chiến dịch');
      expect(question).toContain(`1. ${QT_NAME}`);
      expect(question).toContain(`2. ${SECOND.name} — Phường 1`);
      expect(lastMarkup(api, 601)).toContain(`"cd:${secondId}"`);
      // A second message before choosing waits too, without a second question.
      const before = api.messagesTo(601).length;
      expect(await sayAs(hoa, '/xephang')).toBe(question);
      expect(api.messagesTo(601)).toHaveLength(before);
      expect(await db.selectFrom('held_updates').selectAll().execute()).toHaveLength(2);

      await pressAs(hoa, `cd:${secondId}`);
      const texts = api.messagesTo(601).map((m) => ('text' in m ? m.text : ''));
      const chosen = texts.find((t) => t.startsWith('✅ Từ bây giờ'));
      expect(chosen).toContain(`"${SECOND.name}" (Phường 1)`);
      expect(chosen).toContain('Bot đang xử lý 2 tin nhắn');
      // The held /tiendo and /xephang are answered, in order, in the chosen campaign.
      const progress = texts.findIndex((t) => t.startsWith('📊 Phường 1 — ngày 10/03/2025'));
      const ranking = texts.findIndex((t) => t.startsWith('🏆'));
      expect(progress).toBeGreaterThan(-1);
      expect(ranking).toBeGreaterThan(progress);
      expect(await db.selectFrom('held_updates').selectAll().execute()).toEqual([]);

      const list = await sayAs(hoa, '/chondot');
      expect(list).toContain(`2. ${SECOND.name} — Phường 1  ◀ đang chọn`);
      expect(list).not.toContain(`Phường Đông Giang  ◀`);
      expect(await sayAs(hoa, '/chondot 1')).toContain(`"${QT_NAME}`);
      expect(await sayAs(hoa, '/tiendo')).toContain('Phường Đông Giang');
      expect(await sayAs(hoa, '/chondot 7')).toContain('số từ 1 đến 2');
      const choice = await db.selectFrom('campaign_choices').selectAll().executeTakeFirstOrThrow();
      expect(choice.campaign_id).toBe(quangTriId);
      const audits = await db
        .selectFrom('audit_log')
        .select('action')
        .where('action', '=', 'campaign.choose')
        .execute();
      expect(audits).toHaveLength(2);
    } finally {
      await harness.close();
    }
  });

  it('hands held messages back when the person is left with one campaign before choosing', async () => {
    const { db } = database();
    const { harness, quangTriId, secondId, invite, sayAs, clock } = await startTwoCampaigns(db);
    const { api } = harness;
    try {
      const hoa = api.user(601, { firstName: 'Hoa' });
      await sayAs(hoa, `/start ${await invite(quangTriId, '19330')}`);
      await sayAs(hoa, `/start ${await invite(secondId, '19333')}`);
      expect(await sayAs(hoa, '/tiendo')).toContain('nhiều chiến dịch');
      // The second campaign's coordinator removes her there: only Quảng Trị is left.
      const second = await db
        .selectFrom('members')
        .select('id')
        .where('campaign_id', '=', secondId)
        .executeTakeFirstOrThrow();
      await deactivateMember(db, second.id, clock.now());
      await sayAs(hoa, '/xephang');
      const texts = api.messagesTo(601).map((m) => ('text' in m ? m.text : ''));
      expect(texts.some((t) => t.startsWith('📊 Phường Đông Giang'))).toBe(true);
      expect(texts.filter((t) => t.startsWith('🏆'))).toHaveLength(1);
      expect(await db.selectFrom('held_updates').selectAll().execute()).toEqual([]);
    } finally {
      await harness.close();
    }
  });

  it('answers a wrong /chondot, a foreign campaign button and a stranger plainly', async () => {
    const { db } = database();
    const { harness, quangTriId, secondId, invite, sayAs } = await startTwoCampaigns(db);
    const { api } = harness;
    try {
      const stranger = api.user(700, { firstName: 'Khách' });
      expect(await sayAs(stranger, '/chondot')).toContain('/start <mã mời>');
      const lan = api.user(501, { firstName: 'Lan' });
      await sayAs(lan, `/start ${await invite(quangTriId, '19333')}`);
      const alone = await sayAs(lan, '/chondot');
      expect(alone).toContain(`1. ${QT_NAME}`);
      expect(alone).toContain('◀ đang chọn');
      expect(alone).toContain('chỉ tham gia một chiến dịch');
      expect(await sayAs(lan, '/chondot hai')).toContain('số từ 1 đến 1');
      // Forged button data: a campaign she is not in, one that does not exist, an absurd id.
      const press = async (data: string) => {
        api.inject({
          callback_query: {
            id: `q${data}`,
            from: { id: lan.id, is_bot: false, first_name: 'Lan' },
            chat_instance: 'c',
            data,
            message: api.lastMessageTo(lan.id),
          },
        } as unknown as Omit<Update.CallbackQueryUpdate, 'update_id'>);
        await harness.settle();
        return lastText(api, lan.id);
      };
      for (const data of [`cd:${secondId}`, 'cd:999999', 'cd:99999999999999999999']) {
        expect(await press(data)).toContain('Anh/chị không tham gia chiến dịch này');
      }
      expect(await db.selectFrom('campaign_choices').selectAll().execute()).toEqual([]);

      const group = { id: -1_002_000_000_778, type: 'supergroup', title: 'Nhóm xã' } as const;
      api.addBotToGroup(lan, group);
      api.sendText(lan, '/chondot', group);
      await harness.settle();
      expect(lastText(api, group.id)).toContain('Lệnh /chondot chỉ dùng trong tin nhắn riêng');
    } finally {
      await harness.close();
    }
  });

  it('answers a group in the campaign it was registered in, even for a person of both campaigns', async () => {
    const { db } = database();
    const { harness, quangTriId, secondId, invite, sayAs } = await startTwoCampaigns(db);
    const { api } = harness;
    try {
      const hoa = api.user(601, { firstName: 'Hoa' });
      await sayAs(hoa, `/start ${await invite(quangTriId, '19330')}`);
      await sayAs(hoa, `/start ${await invite(secondId, '19333')}`);
      const group = { id: -1_002_000_000_777, type: 'supergroup', title: 'Điều phối thử nghiệm' } as const;
      const boss = api.user(70, { firstName: 'Trưởng phòng' });
      api.addBotToGroup(boss, group);
      api.sendText(boss, `/dangky ${await invite(secondId, '45', 'leader')}`, group);
      await harness.settle();
      expect(lastText(api, group.id)).toContain('Đã đăng ký nhóm');
      const groups = await db.selectFrom('group_chats').select(['campaign_id', 'chat_id']).execute();
      expect(groups).toEqual([{ campaign_id: secondId, chat_id: String(group.id) }]);

      api.sendText(hoa, '/tiendo', group);
      await harness.settle();
      expect(lastText(api, group.id)).toContain('Phường 1');
      expect(await db.selectFrom('held_updates').selectAll().execute()).toEqual([]);
    } finally {
      await harness.close();
    }
  });

  it("reminds each campaign's reporters at that campaign's own time, in its own time zone", async () => {
    const { db } = database();
    const { harness, quangTriId, secondId, invite, sayAs, clock } = await startTwoCampaigns(db);
    const { api } = harness;
    try {
      await sayAs(api.user(501, { firstName: 'Lan' }), `/start ${await invite(quangTriId, '19333')}`);
      await sayAs(api.user(502, { firstName: 'Minh' }), `/start ${await invite(secondId, '19330')}`);
      const schedulers = new CampaignSchedulers(
        { db, clock, logger: createLogger('silent'), instance: 'test', jobs: [reportCallJob] },
        harness.campaigns,
        createLogger('silent'),
      );
      const reminded = async () =>
        (
          await db
            .selectFrom('outbox')
            .select(['chat_id', 'dedupe_key'])
            .where('dedupe_key', 'like', 'job:nhac-bao-cao:%')
            .orderBy('id')
            .execute()
        ).map((r) => `${r.chat_id} ${r.dedupe_key}`);

      // 14:00 in Tokyo is 12:00 in Vietnam: the second campaign's call, not Quảng Trị's.
      clock.set(new Date('2025-03-10T14:00:00+09:00'));
      await schedulers.tick();
      expect(await reminded()).toEqual([`502 job:nhac-bao-cao:${SECOND.code}:2025-03-10T14:00:telegram:502`]);
      clock.set(new Date('2025-03-10T16:00:00+07:00'));
      await schedulers.tick();
      expect(await reminded()).toEqual([
        `502 job:nhac-bao-cao:${SECOND.code}:2025-03-10T14:00:telegram:502`,
        '501 job:nhac-bao-cao:quang-tri-2025:2025-03-10T16:00:telegram:501',
      ]);
      const ledger = await db
        .selectFrom('job_runs')
        .select(['slot', 'status'])
        .where('status', '=', 'done')
        .orderBy('slot')
        .execute();
      expect(ledger).toEqual([
        { slot: 'quang-tri-2025:2025-03-10T16:00', status: 'done' },
        { slot: `${SECOND.code}:2025-03-10T14:00`, status: 'done' },
      ]);
    } finally {
      await harness.close();
    }
  });

  it("shows a national leader every campaign's province side by side", async () => {
    const { db } = database();
    const { harness, quangTriId, secondId, invite, sayAs, clock } = await startTwoCampaigns(
      db,
      '2025-03-10T18:00:00+07:00',
    );
    const { api } = harness;
    try {
      const lan = api.user(501, { firstName: 'Lan' });
      const minh = api.user(502, { firstName: 'Minh' });
      await sayAs(lan, `/start ${await invite(quangTriId, '19333')}`);
      await sayAs(minh, `/start ${await invite(secondId, '19330')}`);
      await sayAs(lan, '/baocao so 12 scan 1500 nhap 1200 dinhkem 1100');
      await sayAs(minh, '/baocao so 12 scan 3000 nhap 2500 dinhkem 2200');

      const chi = api.user(900, { firstName: 'Chi' });
      expect(await sayAs(chi, '/tiendo')).toContain('/start <mã mời>');
      const { code } = await createNationalInvite(db, { uses: 1, validDays: 7, createdBy: 'test' }, clock);
      const welcome = await sayAs(chi, `/start ${code}`);
      expect(welcome).toContain('lãnh đạo toàn quốc');
      expect(welcome).toContain('cả 2 chiến dịch');

      const progress = await sayAs(chi, '/tiendo');
      expect(progress).toContain(`Tỉnh Quảng Trị — ${QT_NAME}`);
      expect(progress).toContain(`${SECOND.provinceName} — ${SECOND.name}`);
      expect(progress).toContain('Đã đính kèm 1.100/');
      expect(progress).toContain('Đã đính kèm 2.200/');
      expect(progress).toMatch(/kế hoạch \d/);
      const ranking = (await sayAs(chi, '/xephang')).split('\n');
      expect(ranking[1]).toMatch(new RegExp(`^1\\. \\S+ ${SECOND.provinceName}: `));
      expect(ranking[2]).toMatch(/^2\. \S+ Tỉnh Quảng Trị: /);
      expect(await sayAs(chi, '/start')).toContain('Anh/chị đang là lãnh đạo toàn quốc');
      expect(await sayAs(chi, '/trogiup')).toContain('/xephang — xếp hạng các tỉnh');

      // A member keeps their own campaign's answers; a used national code is refused.
      expect(await sayAs(lan, '/tiendo')).not.toContain('Tiến độ các tỉnh');
      const other = api.user(901, { firstName: 'Dũng' });
      expect(await sayAs(other, `/start ${code}`)).toContain('đã được dùng hết');
      // An expired national code is refused by name, and makes nobody a national leader.
      const late = await createNationalInvite(db, { uses: 1, validDays: 1, createdBy: 'test' }, clock);
      clock.set(new Date(clock.now().getTime() + 2 * 86_400_000));
      expect(await sayAs(other, `/start ${late.code}`)).toContain('đã hết hạn');
      const national = await db.selectFrom('national_members').select('platform_user_id').execute();
      expect(national).toEqual([{ platform_user_id: '900' }]);
    } finally {
      await harness.close();
    }
  });

  it('draws a new invite code rather than reuse a hash any campaign or national invite has', async () => {
    const { db } = database();
    const { clock } = await startTwoCampaigns(db).then(async (t) => {
      await t.harness.close();
      return t;
    });
    const taken = (await createNationalInvite(db, { uses: 1, validDays: 7, createdBy: 'test' }, clock)).code;
    const fresh = generateInviteCode();
    const draws = [taken, fresh];
    expect(await uniqueInviteCode(db, () => draws.shift() ?? 'never')).toBe(fresh);
    await expect(uniqueInviteCode(db, () => taken)).rejects.toThrow('no free invite code');
  });
});

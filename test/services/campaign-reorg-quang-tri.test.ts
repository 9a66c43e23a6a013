import { expect, it } from 'vitest';
import { readCampaignFolder } from '../../src/config/campaign-folder.js';
import { readUnitMappingFile } from '../../src/config/unit-mapping-file.js';
import { ManualClock } from '../../src/domain/clock.js';
import type { Figures } from '../../src/domain/progress.js';
import type { Role } from '../../src/domain/role.js';
import type { Db } from '../../src/db/database.js';
import { upsertGroupChat } from '../../src/db/group-chat.repository.js';
import { insertInvite } from '../../src/db/invite.repository.js';
import { upsertMember } from '../../src/db/member.repository.js';
import { listCommuneLastReports } from '../../src/db/reminder.repository.js';
import { findUnitByCode, findUnitById } from '../../src/db/unit.repository.js';
import { formatReportHistory } from '../../src/messages/history-messages.js';
import { reorgWording } from '../../src/messages/reorg-messages.js';
import { loadCampaign } from '../../src/services/campaign-load.service.js';
import { reorganizeCampaign } from '../../src/services/campaign-reorg.service.js';
import { getCampaign } from '../../src/services/campaign.service.js';
import { buildDailyReportData } from '../../src/services/daily-report.service.js';
import { getScopeProgress } from '../../src/services/progress.service.js';
import { getReportHistory } from '../../src/services/report-history.service.js';
import { submitReport } from '../../src/services/report.service.js';
import { seedReports } from '../support/report-seed.js';
import { describeEachDatabase } from '../support/test-database.js';
import { QUANG_BINH_TARGET, newQuangTriFolder, oldQuangTriFolder } from './campaign-reorg-fixture.js';

const CODE = 'quang-tri-2025';
const figuresOf = (f: Figures): Figures => ({
  books: f.books,
  scanned: f.scanned,
  entered: f.entered,
  attached: f.attached,
});

async function unitId(db: Db, campaignId: number, code: string): Promise<number> {
  const unit = await findUnitByCode(db, campaignId, code);
  if (!unit) throw new Error(`no unit ${code}`);
  return unit.id;
}

async function join(db: Db, campaignId: number, userId: string, unitCode: string, role: Role) {
  return upsertMember(db, {
    campaign_id: campaignId,
    platform: 'telegram',
    platform_user_id: userId,
    display_name: `Người ${userId}`,
    role,
    unit_id: await unitId(db, campaignId, unitCode),
    at: new Date('2025-02-25T08:00:00+07:00'),
  });
}

async function count(db: Db, table: 'units' | 'daily_reports' | 'report_revisions' | 'outbox' | 'audit_log') {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describeEachDatabase('old Quảng Trị until 30/06/2025, the new Quảng Trị from 01/07/2025', (database) => {
  it('keeps history, carries the figures over, moves and tells members, and shows both trees on their dates', async () => {
    const { db } = database();
    const clock = new ManualClock('2025-02-20T08:00:00+07:00');
    const { campaignId } = await loadCampaign(db, await readCampaignFolder(await oldQuangTriFolder()), clock);

    // A few people of the old tree: two reporters, a district coordinator, the province's leader and groups.
    const dongGiang = await join(db, campaignId, '5001', '19330', 'reporter');
    await join(db, campaignId, '5002', '19333', 'reporter');
    await join(db, campaignId, '6001', '461', 'coordinator');
    await join(db, campaignId, '7001', '45', 'leader');
    const registered = new Date('2025-02-25T09:00:00+07:00');
    for (const [chat, purpose, scope] of [
      ['-1001', 'leadership', '45'],
      ['-1002', 'coordination', '461'],
    ] as const) {
      await upsertGroupChat(db, {
        campaign_id: campaignId,
        platform: 'telegram',
        chat_id: chat,
        title: `Nhóm ${scope}`,
        purpose,
        scope_unit_id: await unitId(db, campaignId, scope),
        registered_at: registered,
      });
    }
    await insertInvite(db, {
      campaign_id: campaignId,
      code_hash: 'hash-19336',
      unit_id: await unitId(db, campaignId, '19336'),
      role: 'reporter',
      uses_left: 3,
      expires_at: new Date('2025-12-31T00:00:00+07:00'),
      created_by: 'cli',
      created_at: registered,
    });

    // 119 communes report; every fifth is silent on 30/06 (its last figures are those of 29/06).
    await seedReports(db, campaignId, ['2025-05-15', '2025-06-29', '2025-06-30'], {
      skipEvery: 5,
    });
    const reportsBefore = await count(db, 'daily_reports');
    const oldCampaign = await getCampaign(db, CODE);
    const province45 = await unitId(db, campaignId, '45');
    clock.set('2025-06-30T18:00:00+07:00');
    const june30 = await getScopeProgress(db, oldCampaign, province45, '2025-06-30', clock.now());
    expect(june30.standings).toHaveLength(119);
    expect(june30.missing).toBe(24);
    expect(june30.totals.attached).toBeGreaterThan(0);

    // 01/07: the new folder and the mapping are loaded.
    clock.set('2025-07-01T07:30:00+07:00');
    const { dir, mappingPath, newCodes } = await newQuangTriFolder();
    expect(newCodes).toHaveLength(78);
    const folder = await readCampaignFolder(dir);
    const lines = await readUnitMappingFile(mappingPath);
    const outcome = await reorganizeCampaign(db, folder, lines, '2025-07-01', clock, reorgWording);
    if (outcome.kind !== 'applied') throw new Error(JSON.stringify(outcome));
    expect(outcome.summary).toEqual({
      from: '2025-07-01',
      retired: 129,
      added: 79,
      continuing: 0,
      carried: 36,
      carriedCases: june30.totals.attached,
      movedMembers: 4,
      movedGroups: 2,
      revokedInvites: 1,
    });

    const campaign = await getCampaign(db, CODE);
    expect(campaign.id).toBe(campaignId);
    expect(campaign.settings.province.code).toBe('44');
    const province44 = await unitId(db, campaignId, '44');

    // History is kept as it was: every old report, the old units (retired the day before), the old view.
    expect(await count(db, 'daily_reports')).toBe(reportsBefore + 36);
    expect(await findUnitById(db, province45)).toMatchObject({ valid_to: '2025-06-30' });
    const oldView = await getScopeProgress(db, campaign, province45, '2025-06-30', clock.now());
    expect(figuresOf(oldView.totals)).toEqual(figuresOf(june30.totals));

    // The leadership group now follows the new province: on 30/06 it sees the old tree's numbers…
    const group = await db
      .selectFrom('group_chats')
      .selectAll()
      .where('chat_id', '=', '-1001')
      .executeTakeFirstOrThrow();
    expect(group.scope_unit_id).toBe(province44);
    const before = await getScopeProgress(db, campaign, province44, '2025-06-30', clock.now());
    expect(before.standings).toHaveLength(119);
    expect(figuresOf(before.totals)).toEqual(figuresOf(june30.totals));
    expect(before.standings.find((s) => s.code === '19330')?.parentName).toBe('Thành phố Đông Hà');

    // …and on 01/07 the new tree's 78 units with the same totals, nobody reported yet, nothing gained.
    const july1 = await getScopeProgress(db, campaign, province44, '2025-07-01', clock.now());
    expect(july1.standings).toHaveLength(78);
    expect(figuresOf(july1.totals)).toEqual(figuresOf(june30.totals));
    expect(july1.totals.attachedChange).toBe(0);
    expect(july1.missing).toBe(78);
    // 42 units received no old commune (41 of old Quảng Bình, and Đặc khu Cồn Cỏ from a commune-less district).
    expect(july1.totals.targetCases).toBe(june30.totals.targetCases + 42 * QUANG_BINH_TARGET.cases);
    // A unit formed only from old Quảng Bình communes starts from zero.
    const fed = await db.selectFrom('unit_successions').select('new_unit_id').execute();
    const unfed = july1.standings.filter((s) => !fed.some((f) => f.new_unit_id === s.unitId));
    expect(unfed).toHaveLength(42);
    for (const s of unfed) expect(s.figures).toEqual({ books: 0, scanned: 0, entered: 0, attached: 0 });

    // Each new unit carries the sum of its old communes' last figures.
    const successor = await db
      .selectFrom('unit_successions as s')
      .innerJoin('units as n', 'n.id', 's.new_unit_id')
      .innerJoin('units as o', 'o.id', 's.old_unit_id')
      .select(['n.id', 'n.code', 'n.name'])
      .where('o.code', '=', '19330')
      .executeTakeFirstOrThrow();
    const predecessors = await db
      .selectFrom('unit_successions')
      .select('old_unit_id')
      .where('new_unit_id', '=', successor.id)
      .execute();
    const expected = { books: 0, scanned: 0, entered: 0, attached: 0 };
    for (const { old_unit_id } of predecessors) {
      const last = june30.standings.find((s) => s.unitId === old_unit_id);
      if (!last) throw new Error('predecessor missing from the old view');
      for (const key of ['books', 'scanned', 'entered', 'attached'] as const)
        expected[key] += last.figures[key];
    }
    expect(predecessors.length).toBeGreaterThan(1);
    expect(july1.standings.find((s) => s.unitId === successor.id)?.figures).toEqual(expected);
    const carried = await db
      .selectFrom('report_revisions')
      .selectAll()
      .where('unit_id', '=', successor.id)
      .executeTakeFirstOrThrow();
    expect(carried).toMatchObject({ origin: 'carry-over', member_id: null, report_date: '2025-06-30' });

    // The evening package's series runs on across the date: the same total on 30/06 and 01/07.
    const daily = await buildDailyReportData(db, campaign, province44, '2025-07-01', clock.now());
    expect(daily.unitCount).toBe(78);
    const [eve, day] = daily.series.slice(-2);
    expect(eve).toMatchObject({ date: '2025-06-30', attached: june30.totals.attached });
    expect(day).toMatchObject({ date: '2025-07-01', attached: june30.totals.attached });
    // The reminder jobs see the 78 units of the day, none of them reported on 01/07.
    const lastReports = await listCommuneLastReports(db, campaignId, '2025-07-01');
    expect(lastReports).toHaveLength(78);
    expect(lastReports.filter((r) => r.last_date === '2025-06-30')).toHaveLength(36);

    // Members moved to the successor and told in their chat; the old commune's invite no longer works.
    const moved = await db.selectFrom('members').selectAll().orderBy('id').execute();
    expect(moved.map((m) => m.unit_id)).toContain(successor.id);
    expect(moved.find((m) => m.platform_user_id === '6001')?.unit_id).toBe(province44);
    const notice = await db
      .selectFrom('outbox')
      .selectAll()
      .where('chat_id', '=', '5001')
      .executeTakeFirstOrThrow();
    expect(notice.dedupe_key).toBe(`reorg:${campaignId}:2025-07-01:member:${dongGiang.id}`);
    const text = (notice.payload as { text: string }).text;
    expect(text).toContain('Phường Đông Giang (mã 19330)');
    expect(text).toContain(`${successor.name} (mã ${successor.code})`);
    expect(text).toContain('01/07/2025');
    const groupNotice = await db
      .selectFrom('outbox')
      .selectAll()
      .where('chat_id', '=', '-1001')
      .executeTakeFirstOrThrow();
    expect((groupNotice.payload as { text: string }).text).toContain('Tỉnh Quảng Trị (mã 44)');
    const invite = await db.selectFrom('invites').selectAll().executeTakeFirstOrThrow();
    expect(invite.revoked_at).toEqual(clock.now());

    // The change and every moved member are in the audit log.
    const audit = await db.selectFrom('audit_log').selectAll().orderBy('id').execute();
    expect(audit.filter((a) => a.action === 'member.moved')).toHaveLength(4);
    const change = audit.find((a) => a.action === 'campaign.reorganize');
    expect(change?.details).toMatchObject({ from: '2025-07-01', retired: 129, movedMembers: 4 });

    // The moved reporter reports for the new unit on 01/07: it counts there, on time.
    const member = moved.find((m) => m.id === dongGiang.id);
    const newUnit = await findUnitById(db, successor.id);
    if (!member || !newUnit) throw new Error('moved member or new unit missing');
    clock.set('2025-07-01T10:00:00+07:00');
    const report = await submitReport(
      db,
      {
        campaign,
        who: { member, unit: newUnit },
        conversation: { platform: 'telegram', chatId: '5001', userId: '5001' },
        inboxId: null,
        text: `sổ ${expected.books} quét ${expected.scanned + 30} nhập ${expected.entered + 20} đính kèm ${expected.attached + 10}`,
      },
      clock,
    );
    expect(report.kind).toBe('accepted');
    const after = await getScopeProgress(db, campaign, province44, '2025-07-01', clock.now());
    expect(after.totals.attached).toBe(june30.totals.attached + 10);
    expect(after.totals.attachedChange).toBe(10);
    expect(after.missing).toBe(77);
    // Its /lichsu shows where the figures of 30/06 came from: carried over, not sent by anyone.
    const history = formatReportHistory(
      await getReportHistory(db, campaign, newUnit, clock.now()),
      campaign.settings.metrics,
      campaign.settings.timeZone,
    );
    expect(history).toContain('30/06/2025: ');
    expect(history).toContain('chuyển tiếp từ các đơn vị cũ khi sắp xếp đơn vị hành chính');

    // Loading the same folder and mapping again changes nothing.
    const counts = await Promise.all(
      (['units', 'daily_reports', 'report_revisions', 'outbox', 'audit_log'] as const).map((t) =>
        count(db, t),
      ),
    );
    const again = await reorganizeCampaign(db, folder, lines, '2025-07-01', clock, reorgWording);
    expect(again).toMatchObject({ kind: 'already_applied', load: { changes: [] } });
    expect(
      await Promise.all(
        (['units', 'daily_reports', 'report_revisions', 'outbox', 'audit_log'] as const).map((t) =>
          count(db, t),
        ),
      ),
    ).toEqual(counts);
    // So does the plain load that `sohoa start` runs with the new folder.
    expect((await loadCampaign(db, folder, clock)).changes).toEqual([]);
  });
});

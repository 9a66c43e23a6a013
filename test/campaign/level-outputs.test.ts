import { expect, it } from 'vitest';
import { readCampaignFolder } from '../../src/config/campaign-folder.js';
import type { Campaign } from '../../src/domain/campaign.js';
import { ManualClock } from '../../src/domain/clock.js';
import type { Db } from '../../src/db/database.js';
import { upsertMember } from '../../src/db/member.repository.js';
import { findUnitByCode } from '../../src/db/unit.repository.js';
import type { Role } from '../../src/domain/role.js';
import { formatDailySummary } from '../../src/messages/daily-summary-messages.js';
import { progressMessages } from '../../src/messages/progress-messages.js';
import { provinceOffice } from '../../src/domain/reminder-notice.js';
import { remindMessages } from '../../src/messages/remind-messages.js';
import { communeTableSpec, groupTableSpec } from '../../src/reports/pdf-unit-table.js';
import { loadCampaign } from '../../src/services/campaign-load.service.js';
import { getCampaign } from '../../src/services/campaign.service.js';
import { renderDailyPackage } from '../../src/services/daily-package.service.js';
import { buildScopeExportSheets } from '../../src/services/export.service.js';
import { getCommuneProgress, getScopeProgress } from '../../src/services/progress.service.js';
import { submitReport } from '../../src/services/report.service.js';
import { planMissedReports } from '../../src/services/reminder.service.js';
import { copyCampaign, QUANG_TRI_2026_DIR as QUANG_TRI_2026 } from '../support/campaign-fixture.js';
import { describeEachDatabase } from '../support/test-database.js';

const DISTRICT_WORDS = /huyện|Huyện|district/;
const office = provinceOffice({ province: { name: 'Tỉnh Quảng Trị' } });

/** quang-tri-2026 with its communes grouped into three clusters (cụm) of the province's choosing. */
async function clusterFolder(): Promise<string> {
  return copyCampaign(({ json, csv }) => {
    const lines = csv.trimEnd().split('\n');
    const communes = lines.slice(2).map((l, i) => l.replace(',commune,44,', `,commune,${9001 + (i % 3)},`));
    const clusters = ['Cụm Bắc', 'Cụm Trung', 'Cụm Nam'].map((n, i) => `${9001 + i},${n},Cụm,cluster,44,,`);
    return {
      json: { ...json, code: 'quang-tri-2026-cum', levels: ['province', 'cluster', 'commune'] },
      csv: [lines[0], lines[1], ...clusters, ...communes].join('\n') + '\n',
    };
  }, QUANG_TRI_2026);
}

/** The evening of 03/03/2026: the daily package of a unit's scope, and its export sheets. */
const EVENING = new Date('2026-03-03T17:30:00+07:00');
const eveningPackage = (db: Db, campaign: Campaign, unitId: number) =>
  renderDailyPackage(db, campaign, unitId, '2026-03-03', EVENING);
const eveningSheets = (db: Db, campaign: Campaign, unitId: number) =>
  buildScopeExportSheets(db, campaign, unitId, '2026-03-03', EVENING);

async function setUp(db: Db, dir: string) {
  const at = new Date('2026-03-01T08:00:00+07:00');
  const { campaignId } = await loadCampaign(db, await readCampaignFolder(dir), new ManualClock(at));
  const campaign = (await getCampaign(db, (await readCampaignFolder(dir)).campaign.code)) as Campaign;
  expect(campaign.id).toBe(campaignId);
  let userId = 1000;
  const join = async (unitCode: string, role: Role) => {
    const unit = await findUnitByCode(db, campaign.id, unitCode);
    if (!unit) throw new Error(`no unit ${unitCode}`);
    const member = await upsertMember(db, {
      campaign_id: campaign.id,
      platform: 'telegram',
      platform_user_id: String(++userId),
      display_name: `Người ${userId}`,
      role,
      unit_id: unit.id,
      at,
    });
    return { member, unit };
  };
  const report = async (who: Awaited<ReturnType<typeof join>>, iso: string, text: string) => {
    const conversation = {
      platform: 'telegram',
      chatId: who.member.platform_user_id,
      userId: who.member.platform_user_id,
    };
    const outcome = await submitReport(
      db,
      { campaign, who, conversation, inboxId: null, text },
      new ManualClock(iso),
    );
    expect(outcome.kind).toBe('accepted');
  };
  const province = await findUnitByCode(db, campaign.id, '44');
  if (!province) throw new Error('no province');
  return { campaign, province, join, report };
}

describeEachDatabase('a two-level campaign (quang-tri-2026)', (database) => {
  it('ranks all 78 communes in the province with no district anywhere in its outputs', async () => {
    const { db } = database();
    const { campaign, province, join, report } = await setUp(db, QUANG_TRI_2026);
    const dongHoi = await join('18880', 'reporter');
    const conCo = await join('19742', 'reporter');
    const coordinator = await join('44', 'coordinator');
    await report(dongHoi, '2026-03-02T10:00:00+07:00', '/baocao sổ 10 quét 900 nhập 500 đính kèm 300');
    await report(dongHoi, '2026-03-03T10:00:00+07:00', '/baocao sổ 20 quét 1900 nhập 1500 đính kèm 1300');
    await report(conCo, '2026-03-03T16:00:00+07:00', '/baocao sổ 0 quét 0 nhập 0 đính kèm 0');

    const pkg = await eveningPackage(db, campaign, province.id);
    const { data } = pkg;
    expect(data.communes).toHaveLength(78);
    expect(data.groups).toEqual([]);
    expect(data.groupLevel).toBeNull();
    expect(data.communes.every((row) => row.parentName === null)).toBe(true);
    // 77 ranked communes (Cồn Cỏ has a 0 target) fit in three phone-sized images; no comparison chart.
    expect(pkg.ranking).toHaveLength(3);
    expect(pkg.group).toBeNull();
    expect(pkg.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(groupTableSpec(data)).toBeNull();
    const table = communeTableSpec(data);
    expect(table.title).toBe('Chi tiết theo xã, phường, đặc khu (78 đơn vị)');
    expect(table.columns.map((c) => c.header).join(' ')).not.toMatch(DISTRICT_WORDS);
    const summary = formatDailySummary(data);
    expect(summary).toContain('Toàn tỉnh');
    expect(summary).not.toMatch(DISTRICT_WORDS);

    const sheets = await eveningSheets(db, campaign, province.id);
    expect(sheets.map((s) => [s.name, s.rows.length])).toEqual([
      ['Tỉnh', 1],
      ['Xã', 78],
    ]);

    // /chuabaocao and /xephang: communes named alone, no parent in brackets.
    const progress = await getScopeProgress(db, campaign, province.id, '2026-03-03');
    const missing = progressMessages.missing(progress);
    expect(missing).toContain('⏰ 76/78 xã của Tỉnh Quảng Trị chưa báo cáo ngày 03/03/2026');
    expect(missing).toContain('• Phường Đồng Sơn — mã 18871');
    expect(missing).not.toContain('(');
    expect(progressMessages.ranking(progress)).not.toMatch(DISTRICT_WORDS);

    // A commune's own view: its parent is the province, so one ranking, said once.
    const mine = await getCommuneProgress(db, campaign, dongHoi.unit, '2026-03-03');
    expect(mine.inParent).toBe(mine.inProvince);
    const text = progressMessages.commune(mine.standing, mine.inParent, mine.inProvince, campaign.settings);
    expect(text).toContain('Hạng trong Tỉnh Quảng Trị: 1/77');
    expect(text.match(/Hạng/g)).toHaveLength(1);

    // Two silent days escalate to the province's coordinators: no district in between.
    const plan = await planMissedReports(db, campaign, '2026-03-04');
    const escalations = plan.messages.filter((m) => m.notice.kind === 'escalation');
    expect(escalations.map((m) => m.chatId)).toEqual([coordinator.member.platform_user_id]);
    const words = remindMessages.notice(escalations[0]!.notice, office);
    expect(words).toMatch(/^🚨 76 xã của Tỉnh Quảng Trị đã nhiều ngày liên tiếp không báo cáo/);
    expect(words).not.toMatch(DISTRICT_WORDS);
    expect(plan.details).toMatchObject({ escalatedUnits: 76, escalationsWithoutCoordinator: 0 });
  });

  it('compares clusters, names them "cụm", and escalates to the nearest unit with coordinators', async () => {
    const { db } = database();
    const { campaign, province, join, report } = await setUp(db, await clusterFolder());
    const north = await join('9001', 'coordinator');
    const provinceCoordinator = await join('44', 'coordinator');
    const dongHoi = await join('18880', 'reporter');
    await report(dongHoi, '2026-03-02T10:00:00+07:00', '/baocao sổ 10 quét 900 nhập 500 đính kèm 300');

    const pkg = await eveningPackage(db, campaign, province.id);
    const { data } = pkg;
    expect(data.groupLevel).toMatchObject({ code: 'cluster', name: 'Cụm' });
    expect(data.groups.map((g) => g.unitName).sort()).toEqual(['Cụm Bắc', 'Cụm Nam', 'Cụm Trung']);
    expect(data.groups.every((g) => g.level === 'cluster')).toBe(true);
    expect(pkg.group).not.toBeNull();
    expect(groupTableSpec(data)?.title).toBe('Tổng hợp theo cụm (3 đơn vị)');
    expect(communeTableSpec(data).columns.map((c) => c.header)).toContain('Cụm');
    expect(data.communes.find((c) => c.unitCode === '18880')?.parentName).toMatch(/^Cụm /);
    const sheets = await eveningSheets(db, campaign, province.id);
    expect(sheets.map((s) => [s.name, s.rows.length])).toEqual([
      ['Tỉnh', 1],
      ['Cụm', 3],
      ['Xã', 78],
    ]);
    expect(formatDailySummary(data)).not.toMatch(DISTRICT_WORDS);

    // A cluster's own report: its communes, re-ranked, and "Toàn cụm".
    const cluster = await findUnitByCode(db, campaign.id, '9001');
    const own = await eveningPackage(db, campaign, cluster!.id);
    expect(own.data.communes).toHaveLength(26);
    expect(own.data.groupLevel).toBeNull();
    expect(formatDailySummary(own.data)).toContain('Toàn cụm');

    const plan = await planMissedReports(db, campaign, '2026-03-04');
    const escalations = plan.messages.filter((m) => m.notice.kind === 'escalation');
    const to = (who: { member: { platform_user_id: string } }) =>
      escalations.find((m) => m.chatId === who.member.platform_user_id);
    // Cụm Bắc has its coordinator; the other two clusters have none, so the province hears of them
    // (Đồng Hới, in Cụm Nam, reported yesterday: one silent day is not escalated).
    expect(remindMessages.notice(to(north)!.notice, office)).toMatch(/^🚨 26 xã của Cụm Bắc/);
    expect(remindMessages.notice(to(provinceCoordinator)!.notice, office)).toMatch(
      /^🚨 51 xã của Tỉnh Quảng Trị/,
    );
    expect(plan.details).toMatchObject({ escalationsWithoutCoordinator: 0 });
  });
});

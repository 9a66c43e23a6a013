import { expect, it } from 'vitest';
import type { Db } from '../../src/db/database.js';
import { findBroadcast } from '../../src/db/broadcast.repository.js';
import { upsertMember } from '../../src/db/member.repository.js';
import { findUnitByCode, listUnitsWithTargets } from '../../src/db/unit.repository.js';
import type { UnitWithTarget } from '../../src/db/unit.repository.js';
import { ManualClock } from '../../src/domain/clock.js';
import { isBehindPlan } from '../../src/domain/pace.js';
import { PACE_MARK, progressMessages } from '../../src/messages/progress-messages.js';
import { PACE_LABELS } from '../../src/messages/unit-label-messages.js';
import { formatClosingReport } from '../../src/messages/daily-summary-messages.js';
import { remindMessages } from '../../src/messages/remind-messages.js';
import type { ReminderNotice } from '../../src/domain/reminder-notice.js';
import { communeTableSpec } from '../../src/reports/pdf-unit-table.js';
import { PACE_COLORS } from '../../src/reports/report-palette.js';
import { EXPORT_HEADERS } from '../../src/messages/report-document-messages.js';
import { EXPORT_COLUMNS } from '../../src/reports/export-columns.js';
import { prepareBroadcast } from '../../src/services/broadcast.service.js';
import { getCampaign } from '../../src/services/campaign.service.js';
import { buildDailyReportData } from '../../src/services/daily-report.service.js';
import { buildExportSheets } from '../../src/services/export.service.js';
import { getScopeProgress } from '../../src/services/progress.service.js';
import { planDeadlineCountdown } from '../../src/services/reminder-countdown.service.js';
import { loadQuangTri } from '../support/campaign-fixture.js';
import { storeAcceptedReport } from '../support/report-seed.js';
import { describeEachDatabase } from '../support/test-database.js';

// Shares of the target attached by 04/03, in a cycle over the communes. Against 04/03's plan (4/20 =
// 20 %): 5 % far behind, 15 % behind, the rest on track. Against 05/03's (25 %) 19 % and 21 % would be
// behind too: that is the morning mistake of judging a silent commune by a day it could not report yet.
const SHARES = [0.05, 0.15, 0.19, 0.21, 0.24, 0.3];

type Commune = UnitWithTarget & { share: number };

async function seed(db: Db, campaignId: number, days: readonly string[], scale = 1): Promise<Commune[]> {
  const communes = (await listUnitsWithTargets(db, campaignId)).filter((u) => u.level === 'commune');
  const seeded: Commune[] = [];
  for (const [i, unit] of communes.entries()) {
    const share = (SHARES[i % SHARES.length] ?? 0) * scale;
    const cases = unit.target_cases ?? 0;
    for (const [d, date] of days.entries()) {
      const part = Math.floor(cases * share * ((d + 1) / days.length));
      await storeAcceptedReport(db, unit.id, date, new Date(`${date}T15:00:00+07:00`), {
        books: unit.target_books ?? 0,
        scanned: part,
        entered: part,
        attached: part,
      });
    }
    seeded.push({ ...unit, share });
  }
  return seeded;
}

/** One reporter per commune, and the province coordinator, so that reminders have someone to reach. */
async function members(db: Db, campaignId: number, communes: readonly Commune[], at: Date) {
  for (const c of communes) {
    await upsertMember(db, {
      campaign_id: campaignId,
      platform: 'telegram',
      platform_user_id: `r${c.id}`,
      display_name: c.name,
      role: 'reporter',
      unit_id: c.id,
      at,
    });
  }
  const province = await findUnitByCode(db, campaignId, '45');
  const coordinator = await upsertMember(db, {
    campaign_id: campaignId,
    platform: 'telegram',
    platform_user_id: 'coordinator',
    display_name: 'Sở Tư pháp',
    role: 'coordinator',
    unit_id: province!.id,
    at,
  });
  return { province: province!, coordinator };
}

describeEachDatabase('one plan, one pace', (database) => {
  it('classifies every unit the same way in every output, judging silent communes by yesterday before the cut-off', async () => {
    const { db } = database();
    const campaignId = await loadQuangTri(db);
    const communes = await seed(db, campaignId, ['2025-03-01', '2025-03-02', '2025-03-03', '2025-03-04']);
    const campaign = await getCampaign(db);
    const morning = new ManualClock('2025-03-05T08:45:00+07:00').now();
    const { province, coordinator } = await members(db, campaignId, communes, morning);
    const date = '2025-03-05';

    const progress = await getScopeProgress(db, campaign, province.id, date, morning);
    const paceOf = new Map(progress.standings.map((s) => [s.code, s.pace]));
    // Before the cut-off nobody reported today: everyone faces 04/03's plan (20 %).
    for (const c of communes) {
      const expected = c.share < 0.07 ? 'far_behind' : c.share < 0.18 ? 'behind' : 'on_track';
      expect(paceOf.get(c.code), c.name).toBe(expected);
    }
    const behind = new Set(communes.filter((c) => c.share < 0.18).map((c) => c.code));

    // The evening data (charts, PDF), the export, /xephang and /nhacnho cham agree with it.
    const data = await buildDailyReportData(db, campaign, province.id, date, morning);
    for (const row of data.communes) expect(row.pace, row.unitName).toBe(paceOf.get(row.unitCode));
    for (const line of communeTableSpec(data).rows.filter((l) => !l.isTotal)) {
      const marker = communeTableSpec(data)
        .columns.find((c) => c.marker)
        ?.marker?.(line);
      expect(marker).toBe(PACE_COLORS[paceOf.get(line.row.unitCode)!]);
    }
    const sheets = await buildExportSheets(db, campaign, date, morning);
    const paceColumn = EXPORT_COLUMNS.find((c) => c.header === EXPORT_HEADERS.pace)!;
    const xa = sheets.find((s) => s.level === 'commune')!;
    for (const row of xa.rows) {
      expect(paceColumn.value(row, xa)).toEqual({
        kind: 'text',
        value: PACE_LABELS[paceOf.get(row.unitCode)!],
      });
    }
    const ranking = progressMessages.ranking(progress);
    for (const s of progress.standings.filter((x) => ranking.includes(`${x.rank}. `))) {
      expect(ranking).toContain(`${s.rank}. ${PACE_MARK[s.pace]} `);
    }
    const outcome = await prepareBroadcast(
      db,
      { campaign, who: { member: coordinator, unit: province }, chat: { platform: 'telegram', chatId: 'c' } },
      'cham Đề nghị đẩy nhanh tiến độ.',
      new ManualClock(morning),
    );
    expect(outcome.kind).toBe('preview');
    if (outcome.kind !== 'preview') return;
    const row = await findBroadcast(db, outcome.broadcastId);
    const reached = new Set(row!.recipients.map((r) => communes.find((c) => c.id === r.unitId)?.code));
    expect(reached).toEqual(behind);
    expect(
      [...paceOf]
        .filter(([, p]) => isBehindPlan(p))
        .map(([code]) => code)
        .sort(),
    ).toEqual([...behind].sort());

    // After the cut-off, a commune still silent faces today's plan (25 %): 19 % and 21 % fall behind.
    const evening = new Date('2025-03-05T17:30:00+07:00');
    const late = await getScopeProgress(db, campaign, province.id, date, evening);
    const lateBehind = late.standings.filter((s) => isBehindPlan(s.pace)).length;
    expect(lateBehind).toBeGreaterThan(behind.size);
    // Reporting status is its own field: every commune is "missing" today yet keeps a pace.
    expect(late.standings.every((s) => s.timing === 'missing' && s.pace !== 'no_target')).toBe(true);
  });

  it('counts days left the same way in the evening text and the countdown, and divides by them', async () => {
    const { db } = database();
    const campaignId = await loadQuangTri(db);
    const communes = await seed(db, campaignId, ['2025-03-01']);
    const campaign = await getCampaign(db);
    const province = await findUnitByCode(db, campaignId, '45');
    const evening = new Date('2025-03-01T17:30:00+07:00');
    const data = await buildDailyReportData(db, campaign, province!.id, '2025-03-01', evening);
    const attach = data.milestones.find((m) => m.metric === 'attached')!;
    // Day 1's plan is 1/20 (not 0), and the evening leaves 02/03–20/03: 19 days.
    expect(data.scopeTotal.plan).toBeCloseTo(1 / 20, 6);
    expect(attach.daysLeft).toBe(19);
    expect(attach.neededPerDay).toBe(Math.ceil(attach.remaining / 19));
    // A commune at 4 % on day 1 is behind (4/5 of the plan), not far behind.
    const four = data.communes.find(
      (row) => row.completion !== null && Math.abs(row.completion - 0.04) < 0.005,
    );
    if (four) expect(four.pace).toBe('behind');
    // The morning of 17/03 counts today: 17–20/03 are 4 days.
    await members(db, campaignId, communes, evening);
    const plan = await planDeadlineCountdown(
      db,
      campaign,
      '2025-03-17',
      new Date('2025-03-17T08:00:00+07:00'),
    );
    const first = plan.messages[0];
    if (!first || !('notice' in first)) throw new Error('no countdown notice');
    const words = remindMessages.notice(first.notice as ReminderNotice, {
      level: 'province',
      unitName: 'Tỉnh Quảng Trị',
    });
    expect(words).toContain('còn 4 ngày, kể cả hôm nay');
    expect(words).toContain('còn thiếu 651 hồ sơ, cần 163 hồ sơ/ngày'); // 651 ÷ 4, rounded up
  });

  it('marks nothing below 100 % on track on the deadline after the cut-off, and closes the campaign', async () => {
    const { db } = database();
    const campaignId = await loadQuangTri(db);
    await seed(db, campaignId, ['2025-03-18', '2025-03-19', '2025-03-20'], 3.4);
    const campaign = await getCampaign(db);
    const evening = new Date('2025-03-20T17:30:00+07:00');
    const sheets = await buildExportSheets(db, campaign, '2025-03-20', evening);
    const paceColumn = EXPORT_COLUMNS.find((c) => c.header === EXPORT_HEADERS.pace)!;
    for (const sheet of sheets) {
      for (const row of sheet.rows) {
        const label = paceColumn.value(row, sheet);
        if ((row.completion ?? 0) < 1 && row.targetCases > 0) {
          expect(label, row.unitName).toEqual({ kind: 'text', value: PACE_LABELS.overdue });
        } else if (row.targetCases > 0) {
          expect(label).toEqual({ kind: 'text', value: PACE_LABELS.done });
        }
      }
    }
    const province = await findUnitByCode(db, campaignId, '45');
    const data = await buildDailyReportData(db, campaign, province!.id, '2025-03-20', evening);
    expect(data.milestones.filter((m) => m.metric !== 'books').every((m) => m.state === 'overdue')).toBe(
      true,
    );
    const closing = formatClosingReport(data);
    const done = data.communes.filter((r) => r.pace === 'done').length;
    const short = data.communes.filter((r) => r.pace === 'overdue');
    expect(closing).toContain(`Đã hoàn thành (${done}/`);
    expect(closing).toContain(`Chưa hoàn thành (${short.length})`);
    const worst = short.at(-1)!;
    expect(closing).toContain(
      `còn thiếu ${(worst.targetCases - worst.attached).toLocaleString('de-DE')} hồ sơ`,
    );
  });
});

import type { KyselyPlugin } from 'kysely';
import { expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import { findUnitByCode } from '../../src/db/unit.repository.js';
import { getCampaign } from '../../src/services/campaign.service.js';
import { buildDailyReportData } from '../../src/services/daily-report.service.js';
import { buildExportSheets } from '../../src/services/export.service.js';
import { loadQuangTri } from '../support/campaign-fixture.js';
import { seedReports } from '../support/report-seed.js';
import { describeEachDatabase } from '../support/test-database.js';

function statementCounter(): KyselyPlugin & { count: number } {
  const plugin = {
    count: 0,
    transformQuery: (args: { node: never }) => {
      plugin.count++;
      return args.node;
    },
    transformResult: async (args: { result: never }) => args.result,
  };
  return plugin as unknown as KyselyPlugin & { count: number };
}

describeEachDatabase('the daily report data', (database) => {
  it('ranks, groups by district, builds the series and the deadlines', async () => {
    const { db } = database();
    const campaignId = await loadQuangTri(db);
    await seedReports(db, campaignId, ['2025-03-08', '2025-03-09', '2025-03-10'], {
      skipEvery: 10,
      lateEvery: 9,
    });
    const campaign = await getCampaign(db);
    const province = await findUnitByCode(db, campaignId, '45');
    const now = new ManualClock('2025-03-10T17:30:00+07:00').now();
    const data = await buildDailyReportData(db, campaign, province!.id, '2025-03-10', now);

    expect(data.scopeLevel).toBe('province');
    expect(data.unitCount).toBe(119);
    expect(data.missing).toBe(12);
    expect(data.missingNames).toHaveLength(12);
    expect(data.reportedOnTime + data.reportedLate + data.missing).toBe(119);
    expect(data.groups).toHaveLength(9);
    expect(data.groups.map((d) => d.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const ranks = data.communes.map((c) => c.rank);
    expect(ranks.slice(0, 3)).toEqual([1, 2, 3]);
    for (let i = 1; i < data.communes.length; i++) {
      expect(data.communes[i - 1]!.completion ?? 0).toBeGreaterThanOrEqual(data.communes[i]!.completion ?? 0);
    }
    // A commune silent today keeps yesterday's figures, is marked as such, and still has a pace.
    const silent = data.communes.find((c) => c.timing === 'missing');
    expect(['on_track', 'behind', 'far_behind']).toContain(silent?.pace);
    expect(silent?.attached).toBeGreaterThan(0);
    expect(data.series.map((p) => p.date)).toHaveLength(10);
    expect(data.series.at(-1)?.attached).toBe(data.totals.attached);
    expect(data.series[6]?.attached).toBe(0);
    expect(data.totals.targetCases).toBe(203_540);
    const scan = data.milestones.find((m) => m.code === 'scan');
    // 17:30 is after the cut-off: 11/03–20/03 are left, and the per-day figure divides by those 10.
    expect(scan).toMatchObject({ daysLeft: 10, remaining: 203_540 - data.totals.scanned, state: 'open' });
    expect(scan?.neededPerDay).toBe(Math.ceil((203_540 - data.totals.scanned) / 10));
  });

  it('issues the same number of statements for a district and for the whole province', async () => {
    const { db } = database();
    const campaignId = await loadQuangTri(db);
    await seedReports(db, campaignId, ['2025-03-09', '2025-03-10']);
    const campaign = await getCampaign(db);
    const now = new Date('2025-03-10T10:30:00Z');
    const count = async (code: string) => {
      const counter = statementCounter();
      const unit = await findUnitByCode(db, campaignId, code);
      await buildDailyReportData(db.withPlugin(counter), campaign, unit!.id, '2025-03-10', now);
      return counter.count;
    };
    const district = await count('462');
    const province = await count('45');
    expect(province).toBe(district);
    expect(province).toBeLessThanOrEqual(3);
  });

  it('exports province, district and commune sheets', async () => {
    const { db } = database();
    const campaignId = await loadQuangTri(db);
    await seedReports(db, campaignId, ['2025-03-10']);
    const sheets = await buildExportSheets(
      db,
      await getCampaign(db),
      '2025-03-10',
      new Date('2025-03-10T11:00:00Z'),
    );
    expect(sheets.map((s) => [s.level, s.rows.length])).toEqual([
      ['province', 1],
      ['district', 9],
      ['commune', 119],
    ]);
    const province = sheets[0]!.rows[0]!;
    const communes = sheets[2]!.rows;
    expect(province.attached).toBe(communes.reduce((t, r) => t + r.attached, 0));
  });
});

import { completionDeadline, type Campaign } from '../domain/campaign.js';
import type { MetricCode } from '../domain/campaign-file.js';
import { cumulativeSeries } from '../domain/daily-series.js';
import { instantAt, daysBetween } from '../domain/local-time.js';
import { expectedShare, type RankedStanding } from '../domain/progress.js';
import { groupRow, type PaceRule } from '../domain/report-rows.js';
import type { Db } from '../db/database.js';
import { listScopeReportsUntil } from '../db/progress.repository.js';
import type { DailyReportData, MilestoneInfo, UnitProgressRow } from '../domain/daily-report-data.js';
import { getScopeProgress, type ScopeProgress } from './progress.service.js';

function toRow(s: RankedStanding): UnitProgressRow {
  return {
    unitCode: s.code,
    unitName: s.name,
    parentName: s.parentName,
    level: 'commune',
    targetBooks: s.target?.books ?? 0,
    targetCases: s.target?.cases ?? 0,
    ...s.figures,
    attachedChange: s.figures.attached - s.previous.attached,
    completion: s.completion,
    rank: s.rank,
    pace: s.pace,
    timing: s.timing,
    lastReportAt: s.lastReportAt,
  };
}

/** Districts of a province view, each the sum of its communes, ranked by completion. */
function districtRows(
  standings: readonly RankedStanding[],
  rows: UnitProgressRow[],
  pace: PaceRule,
  progress: ScopeProgress,
): UnitProgressRow[] {
  const groups = new Map<string, { name: string; members: UnitProgressRow[] }>();
  rows.forEach((row, i) => {
    const code = standings[i]?.parentCode ?? '';
    const group = groups.get(code) ?? { name: row.parentName ?? '', members: [] };
    group.members.push(row);
    groups.set(code, group);
  });
  const districts = [...groups].map(([code, { name, members }]) =>
    groupRow(
      { unitCode: code, unitName: name, parentName: progress.scope.name, level: 'district' },
      members,
      pace,
    ),
  );
  const ranked = districts
    .filter((d) => d.completion !== null)
    .sort((a, b) => (b.completion ?? 0) - (a.completion ?? 0));
  ranked.forEach((d, i) => (d.rank = i + 1));
  return [...ranked, ...districts.filter((d) => d.completion === null)];
}

function milestoneInfo(campaign: Campaign, progress: ScopeProgress, date: string): MilestoneInfo[] {
  const { totals } = progress;
  const targetOf = (metric: MetricCode) => (metric === 'books' ? totals.targetBooks : totals.targetCases);
  return campaign.settings.milestones.map((m) => {
    const daysLeft = daysBetween(date, m.deadline);
    const remaining = Math.max(0, targetOf(m.metric) - totals[m.metric]);
    // The deadline day itself still counts as a working day.
    const neededPerDay = remaining === 0 ? 0 : daysLeft >= 0 ? Math.ceil(remaining / (daysLeft + 1)) : null;
    return {
      code: m.code,
      title: m.title,
      deadline: m.deadline,
      daysLeft,
      remainingCases: remaining,
      neededPerDay,
    };
  });
}

/**
 * Everything a scope's evening report shows for a date, from a constant number of SQL statements
 * whatever the number of units: the ranking query and the series query.
 */
export async function buildDailyReportData(
  db: Db,
  campaign: Campaign,
  scopeUnitId: number,
  date: string,
  dataAsOf: Date,
): Promise<DailyReportData> {
  const { settings } = campaign;
  const progress = await getScopeProgress(db, campaign, scopeUnitId, date);
  const reports = await listScopeReportsUntil(db, campaign.id, scopeUnitId, date);
  const deadline = completionDeadline(settings);
  const pace: PaceRule = { expected: expectedShare(date, settings.startDate, deadline), ...settings.pace };
  const communes = progress.standings.map(toRow);
  const series = cumulativeSeries(reports, settings.startDate, date).map(
    ({ date: d, scanned, entered, attached }) => ({
      date: d,
      scanned,
      entered,
      attached,
    }),
  );
  const scopeLevel = progress.scope.level === 'province' ? 'province' : 'district';
  return {
    campaignName: settings.name,
    scopeName: progress.scope.name,
    scopeLevel,
    date,
    dataAsOf:
      dataAsOf < instantAt(date, '23:59', settings.timeZone)
        ? dataAsOf
        : instantAt(date, '23:59', settings.timeZone),
    timeZone: settings.timeZone,
    startDate: settings.startDate,
    endDate: settings.endDate,
    totals: {
      ...progress.totals,
      completion:
        progress.totals.targetCases > 0 ? progress.totals.attached / progress.totals.targetCases : 0,
    },
    reportedOnTime: progress.onTime,
    reportedLate: progress.late,
    missing: progress.missing,
    unitCount: progress.standings.length,
    missingNames: progress.standings.filter((s) => s.timing === 'missing').map((s) => s.name),
    scopeTotal: groupRow(
      { unitCode: progress.scope.code, unitName: progress.scope.name, parentName: null, level: scopeLevel },
      communes,
      pace,
    ),
    communes,
    districts: scopeLevel === 'province' ? districtRows(progress.standings, communes, pace, progress) : [],
    series,
    milestones: milestoneInfo(campaign, progress, date),
  };
}

import type { Campaign } from '../domain/campaign.js';
import type { MetricCode } from '../domain/campaign-file.js';
import { cumulativeSeries, type SeriesPoint } from '../domain/daily-series.js';
import { instantAt, daysBetween } from '../domain/local-time.js';
import { paceRulesOf, type PaceRules } from '../domain/pace.js';
import {
  neededPerDay,
  planCalendarOf,
  reportingDaysLeft,
  reportingMoment,
  type ReportingMoment,
} from '../domain/plan.js';
import type { RankedStanding } from '../domain/progress.js';
import { COMMUNE_LEVEL, levelRank, type UnitLevel } from '../domain/unit.js';
import { groupRow } from '../domain/report-rows.js';
import type { Db } from '../db/database.js';
import { listScopeReportsUntil } from '../db/progress.repository.js';
import type { DailyReportData, MilestoneInfo, UnitProgressRow } from '../domain/daily-report-data.js';
import { forecastSteps, getScopeProgress, type ScopeProgress } from './progress.service.js';

type ScopeReport = Awaited<ReturnType<typeof listScopeReportsUntil>>[number];

function toRow(s: RankedStanding, forecasts: UnitProgressRow['forecasts']): UnitProgressRow {
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
    plan: s.plan,
    timing: s.timing,
    lastReportAt: s.lastReportAt,
    forecasts,
  };
}

/** A group's forecasts from its members' day-by-day totals. */
function groupForecasts(
  campaign: Campaign,
  row: UnitProgressRow,
  reports: readonly ScopeReport[],
  date: string,
): UnitProgressRow['forecasts'] {
  const series: SeriesPoint[] = cumulativeSeries(reports, campaign.settings.startDate, date);
  return forecastSteps(campaign, series, { books: row.targetBooks, cases: row.targetCases });
}

/**
 * The units between the scope and its communes (a province's districts or clusters), each the sum of its
 * communes, ranked by completion. Empty when the communes sit directly under the scope.
 */
function groupRows(
  campaign: Campaign,
  standings: readonly RankedStanding[],
  rows: UnitProgressRow[],
  reports: readonly ScopeReport[],
  context: { rules: PaceRules; moment: ReportingMoment; progress: ScopeProgress; level: UnitLevel },
): UnitProgressRow[] {
  const groups = new Map<string, { name: string; members: UnitProgressRow[]; ids: Set<number> }>();
  rows.forEach((row, i) => {
    const code = standings[i]?.parentCode ?? '';
    if (code === context.progress.scope.code) return;
    const group = groups.get(code) ?? { name: row.parentName ?? '', members: [], ids: new Set<number>() };
    group.members.push(row);
    group.ids.add(standings[i]?.unitId ?? -1);
    groups.set(code, group);
  });
  const grouped = [...groups].map(([code, { name, members, ids }]) => {
    const row = groupRow(
      { unitCode: code, unitName: name, parentName: context.progress.scope.name, level: context.level },
      members,
      context.rules,
      context.moment,
    );
    const mine = reports.filter((r) => ids.has(r.unit_id));
    return { ...row, forecasts: groupForecasts(campaign, row, mine, context.progress.date) };
  });
  const ranked = grouped
    .filter((d) => d.completion !== null)
    .sort((a, b) => (b.completion ?? 0) - (a.completion ?? 0));
  ranked.forEach((d, i) => (d.rank = i + 1));
  return [...ranked, ...grouped.filter((d) => d.completion === null)];
}

/** Each deadline's state, reporting days left and the pace still needed, by the domain's one definition. */
export function milestoneInfo(
  campaign: Campaign,
  totals: ScopeProgress['totals'],
  moment: ReportingMoment,
): MilestoneInfo[] {
  const calendar = planCalendarOf(campaign.settings);
  const targetOf = (metric: MetricCode) => (metric === 'books' ? totals.targetBooks : totals.targetCases);
  return campaign.settings.milestones.map((m) => {
    const target = targetOf(m.metric);
    const remaining = Math.max(0, target - totals[m.metric]);
    const daysLeft = reportingDaysLeft(calendar, m.deadline, moment);
    // The deadline day counts as passed once its cut-off has: that day's report was the last chance.
    const passed = moment.date > m.deadline || (moment.date === m.deadline && moment.afterCutoff);
    return {
      code: m.code,
      title: m.title,
      metric: m.metric,
      deadline: m.deadline,
      state: remaining === 0 ? 'done' : passed ? 'overdue' : 'open',
      daysLeft,
      daysOverdue: Math.max(0, daysBetween(m.deadline, moment.date)),
      target,
      remaining,
      neededPerDay: passed ? null : neededPerDay(remaining, daysLeft),
    };
  });
}

/**
 * Everything a scope's evening report shows for a date, from a constant number of SQL statements
 * whatever the number of units: the ranking query and the series query. `dataAsOf` places the report
 * before or after the date's cut-off.
 */
export async function buildDailyReportData(
  db: Db,
  campaign: Campaign,
  scopeUnitId: number,
  date: string,
  dataAsOf: Date,
): Promise<DailyReportData> {
  const { settings } = campaign;
  const moment = reportingMoment(date, dataAsOf, settings);
  const progress = await getScopeProgress(db, campaign, scopeUnitId, date, dataAsOf);
  const reports = await listScopeReportsUntil(db, campaign.id, scopeUnitId, date);
  const rules = paceRulesOf(settings);
  const byUnit = new Map<number, ScopeReport[]>();
  for (const r of reports) byUnit.set(r.unit_id, [...(byUnit.get(r.unit_id) ?? []), r]);
  const communes = progress.standings.map((s) =>
    toRow(
      s,
      forecastSteps(
        campaign,
        (byUnit.get(s.unitId) ?? []).map((r) => ({ ...r, date: r.report_date })),
        { books: s.target?.books ?? 0, cases: s.target?.cases ?? 0 },
      ),
    ),
  );
  const fullSeries = cumulativeSeries(reports, settings.startDate, date);
  const series = fullSeries.map(({ date: d, scanned, entered, attached }) => ({
    date: d,
    scanned,
    entered,
    attached,
  }));
  const { levels } = settings;
  const scopeLevel = progress.scope.level;
  // The level under the scope, when it is not the communes': a province's districts or clusters.
  const below = levels[levelRank(levels, scopeLevel) + 1];
  const groupLevel = below && below.code !== COMMUNE_LEVEL ? below : null;
  const groups = groupLevel
    ? groupRows(campaign, progress.standings, communes, reports, {
        rules,
        moment,
        progress,
        level: groupLevel.code,
      })
    : [];
  const scopeRow = groupRow(
    { unitCode: progress.scope.code, unitName: progress.scope.name, parentName: null, level: scopeLevel },
    communes,
    rules,
    moment,
  );
  const endOfDay = instantAt(date, '23:59', settings.timeZone);
  return {
    campaignName: settings.name,
    scopeName: progress.scope.name,
    scopeLevel,
    levels,
    groupLevel: groups.length > 0 ? groupLevel : null,
    date,
    dataAsOf: dataAsOf < endOfDay ? dataAsOf : endOfDay,
    timeZone: settings.timeZone,
    startDate: settings.startDate,
    endDate: settings.endDate,
    plan: { curve: settings.plan.curve, deadline: rules.deadline },
    afterCutoff: moment.afterCutoff,
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
    scopeTotal: {
      ...scopeRow,
      forecasts: forecastSteps(campaign, fullSeries, {
        books: scopeRow.targetBooks,
        cases: scopeRow.targetCases,
      }),
    },
    communes,
    groups,
    series,
    milestones: milestoneInfo(campaign, progress.totals, moment),
  };
}

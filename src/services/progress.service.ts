import type { Campaign } from '../domain/campaign.js';
import type { MetricCode } from '../domain/campaign-file.js';
import { cumulativeSeries } from '../domain/daily-series.js';
import { NotFoundError } from '../domain/errors.js';
import { forecastStep, type Observation, type StepForecast } from '../domain/forecast.js';
import { paceRulesOf } from '../domain/pace.js';
import { planCalendarOf, reportingMoment, closedDay, type ReportingMoment } from '../domain/plan.js';
import {
  ZERO_FIGURES,
  rankStandings,
  sumFigures,
  type CommuneStanding,
  type Figures,
  type RankedStanding,
  type ScopeProgress as ScopeProgressOf,
} from '../domain/progress.js';
import type { Db } from '../db/database.js';
import {
  listCommuneReports,
  listScopeReportsUntil,
  type CommuneReportRow,
} from '../db/progress.repository.js';
import { findUnitById, listChildUnitIds } from '../db/unit.repository.js';
import type { UnitRow } from '../db/unit.table.js';

/** A scope's picture on one date, with the scope's unit row. */
export type ScopeProgress = ScopeProgressOf<UnitRow>;

function toStanding(row: CommuneReportRow, date: string, scope: UnitRow): CommuneStanding {
  const figures: Figures =
    row.cur_date === null
      ? ZERO_FIGURES
      : {
          books: row.cur_books ?? 0,
          scanned: row.cur_scanned ?? 0,
          entered: row.cur_entered ?? 0,
          attached: row.cur_attached ?? 0,
        };
  const previous: Figures =
    row.prev_books === null
      ? ZERO_FIGURES
      : {
          books: row.prev_books,
          scanned: row.prev_scanned ?? 0,
          entered: row.prev_entered ?? 0,
          attached: row.prev_attached ?? 0,
        };
  const reportedToday = row.cur_date === date;
  return {
    unitId: row.id,
    code: row.code,
    name: row.name,
    // A commune directly under the scope (every commune on the two-level map) needs no parent beside its name.
    parentName: row.parent_code === scope.code ? null : row.parent_name,
    parentCode: row.parent_code,
    target: row.target_cases === null ? null : { books: row.target_books ?? 0, cases: row.target_cases },
    figures,
    previous,
    timing: reportedToday ? (row.cur_late ? 'late' : 'on_time') : 'missing',
    lastReportAt: row.cur_updated_at,
  };
}

/** The moment a query stands at: `now` against the date's cut-off; without `now`, a closed day. */
export function momentOf(campaign: Campaign, date: string, now?: Date): ReportingMoment {
  return now ? reportingMoment(date, now, campaign.settings) : closedDay(date);
}

function summarize(
  scope: UnitRow,
  date: string,
  moment: ReportingMoment,
  standings: RankedStanding[],
): ScopeProgress {
  const current = sumFigures(standings.map((s) => s.figures));
  const previous = sumFigures(standings.map((s) => s.previous));
  const count = (timing: string) => standings.filter((s) => s.timing === timing).length;
  return {
    scope,
    date,
    afterCutoff: moment.afterCutoff,
    standings,
    totals: {
      ...current,
      targetBooks: standings.reduce((t, s) => t + (s.target?.books ?? 0), 0),
      targetCases: standings.reduce((t, s) => t + (s.target?.cases ?? 0), 0),
      attachedChange: current.attached - previous.attached,
    },
    onTime: count('on_time'),
    late: count('late'),
    missing: count('missing'),
  };
}

/**
 * Ranks every commune in a scope on a date; a commune missing today keeps its last figures. `now` places
 * the query before or after the date's cut-off (which day's plan a silent commune is judged against);
 * without it the day is taken as closed.
 */
export async function getScopeProgress(
  db: Db,
  campaign: Campaign,
  scopeUnitId: number,
  date: string,
  now?: Date,
): Promise<ScopeProgress> {
  const scope = await findUnitById(db, scopeUnitId);
  if (!scope || scope.campaign_id !== campaign.id) {
    throw new NotFoundError('Đơn vị không thuộc chiến dịch.', 'unit', String(scopeUnitId));
  }
  const rows = await listCommuneReports(db, campaign.id, scopeUnitId, date);
  const standings = rows.map((row) => toStanding(row, date, scope));
  const moment = momentOf(campaign, date, now);
  const ranked = rankStandings(standings, paceRulesOf(campaign.settings), moment);
  return summarize(scope, date, moment, ranked);
}

/** The part of a scope's picture that lies under one of its units, ranked again among themselves. */
export function narrowScopeProgress(
  progress: ScopeProgress,
  scope: UnitRow,
  communeIds: ReadonlySet<number>,
): ScopeProgress {
  let rank = 0;
  // Standings are already in ranking order, so a subset keeps its order; only the numbers change.
  const standings = progress.standings
    .filter((s) => communeIds.has(s.unitId))
    .map((s) => ({ ...s, rank: s.rank === null ? null : ++rank }));
  return summarize(
    scope,
    progress.date,
    { date: progress.date, afterCutoff: progress.afterCutoff },
    standings,
  );
}

/** Per step with a deadline, its forecast from a run of cumulative observations. */
export function forecastSteps(
  campaign: Campaign,
  observations: readonly (Figures & { date: string })[],
  targets: { books: number; cases: number },
): Partial<Record<MetricCode, StepForecast>> {
  const calendar = planCalendarOf(campaign.settings);
  const result: Partial<Record<MetricCode, StepForecast>> = {};
  for (const m of campaign.settings.milestones) {
    const values: Observation[] = observations.map((o) => ({ date: o.date, value: o[m.metric] }));
    const target = m.metric === 'books' ? targets.books : targets.cases;
    result[m.metric] = forecastStep(calendar, values, target, m.deadline);
  }
  return result;
}

/** Forecasts for each step of the scope as a whole, from its day-by-day totals up to `date`. */
export async function getScopeForecasts(
  db: Db,
  campaign: Campaign,
  progress: ScopeProgress,
): Promise<Partial<Record<MetricCode, StepForecast>>> {
  const reports = await listScopeReportsUntil(db, campaign.id, progress.scope.id, progress.date);
  const series = cumulativeSeries(reports, campaign.settings.startDate, progress.date);
  return forecastSteps(campaign, series, {
    books: progress.totals.targetBooks,
    cases: progress.totals.targetCases,
  });
}

/**
 * A commune's standing with its ranking among its parent's communes and in its province (one ranking
 * query), and the forecast of each of its steps from its own reports. On the two-level map the parent is
 * the province, and `inParent` is `inProvince`.
 */
export async function getCommuneProgress(
  db: Db,
  campaign: Campaign,
  commune: UnitRow,
  date: string,
  now?: Date,
): Promise<{
  standing: RankedStanding;
  inParent: ScopeProgress;
  inProvince: ScopeProgress;
  forecasts: Partial<Record<MetricCode, StepForecast>>;
}> {
  const parent = commune.parent_id === null ? undefined : await findUnitById(db, commune.parent_id);
  if (!parent) throw new NotFoundError('Xã không thuộc đơn vị nào.', 'unit', commune.code);
  const provinceId = parent.parent_id ?? parent.id;
  const inProvince = await getScopeProgress(db, campaign, provinceId, date, now);
  const inParent =
    parent.id === provinceId
      ? inProvince
      : narrowScopeProgress(inProvince, parent, new Set(await listChildUnitIds(db, parent.id)));
  const standing = inParent.standings.find((s) => s.unitId === commune.id);
  if (!standing) throw new NotFoundError('Không tìm thấy xã trong phạm vi.', 'unit', commune.code);
  const reports = await listScopeReportsUntil(db, campaign.id, commune.id, date);
  const observations = reports.map((r) => ({ ...r, date: r.report_date }));
  const forecasts = forecastSteps(campaign, observations, {
    books: standing.target?.books ?? 0,
    cases: standing.target?.cases ?? 0,
  });
  return { standing, inParent, inProvince, forecasts };
}

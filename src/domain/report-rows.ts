import type { DailyReportData, UnitProgressRow } from './daily-report-data.js';
import { daysBetween } from './local-time.js';
import { paceOf, stepPlan, type PaceRules } from './pace.js';
import { judgedDate, planShare, type ReportingMoment } from './plan.js';
import { completionOf, type ReportTiming } from './progress.js';

/** Rows with a target, best rank first; the caller's ranks are kept, only the order is ensured. */
export function rankedRows(rows: readonly UnitProgressRow[]): UnitProgressRow[] {
  return rows
    .filter((row) => row.targetCases > 0 && row.rank !== null)
    .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
}

/** Rows that cannot be ranked because they have no target, in the caller's order. */
export function unrankedRows(rows: readonly UnitProgressRow[]): UnitProgressRow[] {
  return rows.filter((row) => row.targetCases <= 0 || row.rank === null);
}

/** The report date as day n of the campaign's N days, or null outside the campaign. */
export function campaignDay(
  data: Pick<DailyReportData, 'startDate' | 'endDate' | 'date'>,
): { day: number; total: number } | null {
  const day = daysBetween(data.startDate, data.date) + 1;
  const total = daysBetween(data.startDate, data.endDate) + 1;
  return day >= 1 && day <= total ? { day, total } : null;
}

/** The plan line at the end of `isoDate`: the scope's target times the domain's plan share. */
export function planValue(
  data: Pick<DailyReportData, 'startDate' | 'plan' | 'totals'>,
  isoDate: string,
): number {
  const calendar = { startDate: data.startDate, curve: data.plan.curve };
  return Math.round(data.totals.targetCases * planShare(calendar, data.plan.deadline, isoDate));
}

/**
 * A group of units as one row — a district from its communes, or a whole scope (the PDF's total line,
 * the export's province row). Figures are summed; the plan is the members' planned work over their
 * targets (each member judged against its own day, see judgedDate), and the pace follows the same rule
 * as a commune's. Timing: missing when no member reported, late when any member was late.
 */
export function groupRow(
  unit: Pick<UnitProgressRow, 'unitCode' | 'unitName' | 'parentName' | 'level'>,
  members: readonly UnitProgressRow[],
  rules: PaceRules,
  moment: ReportingMoment,
): UnitProgressRow {
  const sum = (pick: (r: UnitProgressRow) => number) => members.reduce((t, r) => t + pick(r), 0);
  const figures = {
    books: sum((r) => r.books),
    scanned: sum((r) => r.scanned),
    entered: sum((r) => r.entered),
    attached: sum((r) => r.attached),
  };
  const targetCases = sum((r) => r.targetCases);
  const completion = completionOf(figures, targetCases > 0 ? { cases: targetCases } : null);
  const timing: ReportTiming = members.every((r) => r.timing === 'missing')
    ? 'missing'
    : members.some((r) => r.timing === 'late')
      ? 'late'
      : 'on_time';
  const lastTimes = members.map((r) => r.lastReportAt?.getTime() ?? 0);
  const last = Math.max(0, ...lastTimes);
  // The group's day is its earliest member's: it is overdue only once every member is judged on the deadline.
  const judgedOn = judgedDate(
    moment,
    members.every((r) => r.timing !== 'missing'),
  );
  const planned = sum((r) => r.targetCases * (r.plan ?? 0));
  const plan = {
    share: targetCases > 0 ? planned / targetCases : 0,
    deadlinePassed: stepPlan(rules.calendar, rules.deadline, judgedOn).deadlinePassed,
  };
  return {
    ...unit,
    targetBooks: sum((r) => r.targetBooks),
    targetCases,
    ...figures,
    attachedChange: sum((r) => r.attachedChange),
    completion,
    rank: null,
    pace: paceOf(figures.attached, targetCases, plan, rules.thresholds),
    plan: targetCases > 0 ? plan.share : null,
    timing,
    lastReportAt: last > 0 ? new Date(last) : null,
    forecasts: {},
  };
}

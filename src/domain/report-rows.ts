import type { DailyReportData, UnitProgressRow } from './daily-report-data.js';
import { daysBetween } from './local-time.js';
import { completionOf, paceOf, type ReportTiming } from './progress.js';

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

/** The plan line: 0 on startDate rising linearly to the target on endDate. */
export function planValue(data: DailyReportData, isoDate: string): number {
  const span = daysBetween(data.startDate, data.endDate);
  if (span <= 0) return data.totals.targetCases;
  const share = Math.min(1, Math.max(0, daysBetween(data.startDate, isoDate) / span));
  return Math.round(data.totals.targetCases * share);
}

/** What the pace of a row is judged against: the plan's expected share today and the campaign's ratios. */
export interface PaceRule {
  readonly expected: number;
  readonly behindRatio: number;
  readonly farBehindRatio: number;
}

/**
 * A group of units as one row — a district from its communes, or a whole scope (the PDF's total line,
 * the export's province row) — summing the members' figures and judging completion, pace and timing by
 * the same rules as a commune's: missing when no member reported, late when any member was late.
 */
export function groupRow(
  unit: Pick<UnitProgressRow, 'unitCode' | 'unitName' | 'parentName' | 'level'>,
  members: readonly UnitProgressRow[],
  pace: PaceRule,
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
  return {
    ...unit,
    targetBooks: sum((r) => r.targetBooks),
    targetCases,
    ...figures,
    attachedChange: sum((r) => r.attachedChange),
    completion,
    rank: null,
    pace: paceOf(completion, timing, pace.expected, pace),
    timing,
    lastReportAt: last > 0 ? new Date(last) : null,
  };
}

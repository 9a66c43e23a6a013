import { daysBetween } from './local-time.js';
import type { UnitLevel } from './unit.js';

/** How a unit's attached count compares with the pace its deadline needs. */
export type PaceStatus = 'on_track' | 'behind' | 'far_behind' | 'not_reported';

/** Whether today's report arrived before the cut-off, after it, or not at all. */
export type ReportTiming = 'on_time' | 'late' | 'missing';

/** The four cumulative figures. */
export interface Figures {
  readonly books: number;
  readonly scanned: number;
  readonly entered: number;
  readonly attached: number;
}

/** Zero figures: a unit that never reported. */
export const ZERO_FIGURES: Figures = Object.freeze({ books: 0, scanned: 0, entered: 0, attached: 0 });

/** What the services know of one commune on one date, before ranking. */
export interface CommuneStanding {
  readonly unitId: number;
  readonly code: string;
  readonly name: string;
  readonly parentName: string | null;
  readonly parentCode: string | null;
  readonly target: { readonly books: number; readonly cases: number } | null;
  /** Latest figures on or before the date (yesterday's are kept when today is missing). */
  readonly figures: Figures;
  /** Figures at the end of the previous day, for the change. */
  readonly previous: Figures;
  readonly timing: ReportTiming;
  readonly lastReportAt: Date | null;
}

/** A standing with its completion, pace and rank. */
export interface RankedStanding extends CommuneStanding {
  readonly completion: number | null;
  readonly rank: number | null;
  readonly pace: PaceStatus;
}

/** Attached & reviewed cases as a share of the target; null without a target. */
export function completionOf(figures: Figures, target: { cases: number } | null): number | null {
  return target && target.cases > 0 ? figures.attached / target.cases : null;
}

/** The share of the work the plan expects done by the end of `date` (linear from start to deadline). */
export function expectedShare(date: string, startDate: string, deadline: string): number {
  const total = daysBetween(startDate, deadline) + 1;
  const elapsed = daysBetween(startDate, date) + 1;
  return Math.min(1, Math.max(0, elapsed / total));
}

/** Pace status: completion against the plan's expectation, with the campaign's thresholds. */
export function paceOf(
  completion: number | null,
  timing: ReportTiming,
  expected: number,
  thresholds: { behindRatio: number; farBehindRatio: number },
): PaceStatus {
  if (timing === 'missing') return 'not_reported';
  if (completion === null || expected <= 0) return 'on_track';
  const ratio = completion / expected;
  if (ratio >= thresholds.behindRatio) return 'on_track';
  return ratio >= thresholds.farBehindRatio ? 'behind' : 'far_behind';
}

/** What a scope's picture needs to know of the scope's own unit. */
export interface ScopeUnit {
  readonly id: number;
  readonly name: string;
  readonly level: UnitLevel;
}

/** A scope's picture on one date: every commune ranked, and the totals. */
export interface ScopeProgress<Scope extends ScopeUnit = ScopeUnit> {
  readonly scope: Scope;
  readonly date: string;
  readonly standings: readonly RankedStanding[];
  readonly totals: Figures & {
    readonly targetBooks: number;
    readonly targetCases: number;
    readonly attachedChange: number;
  };
  readonly onTime: number;
  readonly late: number;
  readonly missing: number;
}

const collator = new Intl.Collator('vi');

/**
 * Ranks communes by completion, ties by cases attached, then by name. Units without a target get no
 * rank and come last, by name.
 */
export function rankStandings(
  standings: readonly CommuneStanding[],
  pace: { expected: number; behindRatio: number; farBehindRatio: number },
): RankedStanding[] {
  const withCompletion = standings.map((s) => {
    const completion = completionOf(s.figures, s.target);
    return {
      ...s,
      completion,
      pace: paceOf(completion, s.timing, pace.expected, pace),
      rank: null as number | null,
    };
  });
  const ranked = withCompletion
    .filter((s) => s.completion !== null)
    .sort(
      (a, b) =>
        (b.completion ?? 0) - (a.completion ?? 0) ||
        b.figures.attached - a.figures.attached ||
        collator.compare(a.name, b.name),
    );
  ranked.forEach((s, i) => (s.rank = i + 1));
  const unranked = withCompletion
    .filter((s) => s.completion === null)
    .sort((a, b) => collator.compare(a.name, b.name));
  return [...ranked, ...unranked];
}

/** Sums figures. */
export function sumFigures(list: readonly Figures[]): Figures {
  return list.reduce(
    (t, f) => ({
      books: t.books + f.books,
      scanned: t.scanned + f.scanned,
      entered: t.entered + f.entered,
      attached: t.attached + f.attached,
    }),
    ZERO_FIGURES,
  );
}

import { paceOf, stepPlan, type PaceRules, type PaceStatus } from './pace.js';
import { judgedDate, type ReportingMoment } from './plan.js';
import type { UnitLevel } from './unit.js';

export type { PaceRules, PaceStatus } from './pace.js';

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

/** A standing with its completion, pace, the plan it was judged against, and rank. */
export interface RankedStanding extends CommuneStanding {
  readonly completion: number | null;
  readonly rank: number | null;
  readonly pace: PaceStatus;
  /** The plan's expected share of the target on the day the unit is judged against; null without target. */
  readonly plan: number | null;
}

/** Attached & reviewed cases as a share of the target; null without a target. */
export function completionOf(figures: Figures, target: { cases: number } | null): number | null {
  return target && target.cases > 0 ? figures.attached / target.cases : null;
}

/**
 * A unit's pace on the completion step (cases attached & reviewed) at a moment: the one judgement every
 * chart, sheet and message shows. `reportedToday` decides which day's plan applies (see judgedDate).
 */
export function judgeUnit(
  rules: PaceRules,
  moment: ReportingMoment,
  attached: number,
  targetCases: number,
  reportedToday: boolean,
): { pace: PaceStatus; plan: number | null } {
  const plan = stepPlan(rules.calendar, rules.deadline, judgedDate(moment, reportedToday));
  return {
    pace: paceOf(attached, targetCases, plan, rules.thresholds),
    plan: targetCases > 0 ? plan.share : null,
  };
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
  /** Whether the date's report cut-off had passed: decides which day's plan silent communes face. */
  readonly afterCutoff: boolean;
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
  rules: PaceRules,
  moment: ReportingMoment,
): RankedStanding[] {
  const withCompletion = standings.map((s) => {
    const completion = completionOf(s.figures, s.target);
    const judged = judgeUnit(rules, moment, s.figures.attached, s.target?.cases ?? 0, s.timing !== 'missing');
    return { ...s, completion, ...judged, rank: null as number | null };
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

import { completionDeadline } from './campaign.js';
import type { CampaignFile } from './campaign-file.js';
import { planCalendarOf, planShare, type PlanCalendar } from './plan.js';

/**
 * How a unit stands against the plan for a step: done (100 %), overdue (deadline reached, not done),
 * on track / behind / far behind (the campaign's ratios of the plan), or no target to judge by.
 * Whether it reported today is separate (ReportTiming), never a pace.
 */
export type PaceStatus = 'on_track' | 'behind' | 'far_behind' | 'done' | 'overdue' | 'no_target';

/** Statuses shown in legends, best first. */
export const PACE_ORDER: readonly PaceStatus[] = [
  'done',
  'on_track',
  'behind',
  'far_behind',
  'overdue',
  'no_target',
];

/** Share of the plan below which a unit is behind / far behind. */
export interface PaceThresholds {
  readonly behindRatio: number;
  readonly farBehindRatio: number;
}

/** What judging a unit's pace needs: the plan calendar, the completion step's deadline, the ratios. */
export interface PaceRules {
  readonly calendar: PlanCalendar;
  readonly deadline: string;
  readonly thresholds: PaceThresholds;
}

/** What the plan expects of a step on the day a unit is judged against. */
export interface StepPlan {
  /** Share of the target expected done (0–1). */
  readonly share: number;
  /** The judged day is the deadline or later: anything short of the target is overdue. */
  readonly deadlinePassed: boolean;
}

/** The plan of a step with `deadline`, for a unit judged against the end of `judgedOn`. */
export function stepPlan(calendar: PlanCalendar, deadline: string, judgedOn: string): StepPlan {
  return { share: planShare(calendar, deadline, judgedOn), deadlinePassed: judgedOn >= deadline };
}

/** THE pace rule: `done` of `target` against the step's plan, with the campaign's thresholds. */
export function paceOf(done: number, target: number, plan: StepPlan, thresholds: PaceThresholds): PaceStatus {
  if (target <= 0) return 'no_target';
  if (done >= target) return 'done';
  if (plan.deadlinePassed) return 'overdue';
  if (plan.share <= 0) return 'on_track';
  const ratio = done / target / plan.share;
  if (ratio >= thresholds.behindRatio) return 'on_track';
  return ratio >= thresholds.farBehindRatio ? 'behind' : 'far_behind';
}

/** Behind the plan in any degree (what `/nhacnho cham` reaches). */
export function isBehindPlan(pace: PaceStatus): boolean {
  return pace === 'behind' || pace === 'far_behind' || pace === 'overdue';
}

/** The pace rules of a campaign: its plan calendar, its completion deadline and its thresholds. */
export function paceRulesOf(
  settings: Pick<CampaignFile, 'startDate' | 'endDate' | 'plan' | 'pace' | 'milestones'>,
): PaceRules {
  return {
    calendar: planCalendarOf(settings),
    deadline: completionDeadline(settings),
    thresholds: settings.pace,
  };
}

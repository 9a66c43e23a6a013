import { addDays } from './local-time.js';
import { addCountedDays, countedDays, type PlanCalendar } from './plan.js';

/** How many of a unit's last reported days its pace is measured over. */
export const FORECAST_WINDOW = 3;

/** A cumulative figure as reported at the end of a day. */
export interface Observation {
  readonly date: string;
  readonly value: number;
}

/** When a step will be finished at the recent pace: by its deadline, too late (and short by how much). */
export type StepForecast =
  | { readonly kind: 'no_target' }
  | { readonly kind: 'no_data' }
  | { readonly kind: 'done' }
  | { readonly kind: 'on_time'; readonly date: string }
  | {
      readonly kind: 'late';
      /** The day it would finish at this pace; null when the pace is zero. */
      readonly date: string | null;
      /** What would still be missing at the end of the deadline day. */
      readonly shortfall: number;
    };

/**
 * A step's forecast from a unit's cumulative reports (date order): its pace is the gain over its last
 * three reported days (from the report before them, or from zero on the eve of the campaign), per
 * counted day of the plan calendar, carried forward from its latest report.
 */
export function forecastStep(
  calendar: PlanCalendar,
  observations: readonly Observation[],
  target: number,
  deadline: string,
): StepForecast {
  if (target <= 0) return { kind: 'no_target' };
  const last = observations.at(-1);
  if (!last) return { kind: 'no_data' };
  if (last.value >= target) return { kind: 'done' };
  const base = observations.at(-1 - FORECAST_WINDOW) ?? { date: addDays(calendar.startDate, -1), value: 0 };
  const days = countedDays(calendar, addDays(base.date, 1), last.date);
  const rate = days > 0 ? (last.value - base.value) / days : 0;
  const remaining = target - last.value;
  const daysToDeadline = countedDays(calendar, addDays(last.date, 1), deadline);
  if (rate <= 0) return { kind: 'late', date: null, shortfall: remaining };
  const finish = addCountedDays(calendar, last.date, Math.ceil(remaining / rate));
  if (finish <= deadline && daysToDeadline > 0) return { kind: 'on_time', date: finish };
  const atDeadline = last.value + rate * daysToDeadline;
  return { kind: 'late', date: finish, shortfall: Math.max(1, Math.ceil(target - atDeadline)) };
}

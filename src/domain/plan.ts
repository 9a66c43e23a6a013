import { addDays, daysBetween, localParts } from './local-time.js';

/** How the plan spreads a step's work over the campaign: every calendar day, or Monday–Friday only. */
export type PlanCurve = 'linear' | 'working-days';

/** What the plan needs to know of a campaign: the day it starts and which days count. */
export interface PlanCalendar {
  readonly startDate: string;
  readonly curve: PlanCurve;
}

/** The plan calendar of a campaign's settings. */
export function planCalendarOf(settings: {
  readonly startDate: string;
  readonly plan: { readonly curve: PlanCurve };
}): PlanCalendar {
  return { startDate: settings.startDate, curve: settings.plan.curve };
}

function isWorkingDay(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** Days from `from` to `to`, both included, that carry planned work (0 when `to` is before `from`). */
export function countedDays(calendar: PlanCalendar, from: string, to: string): number {
  const span = daysBetween(from, to) + 1;
  if (span <= 0) return 0;
  if (calendar.curve === 'linear') return span;
  let count = 0;
  for (let date = from; date <= to; date = addDays(date, 1)) if (isWorkingDay(date)) count += 1;
  return count;
}

/** The date `days` counted days after `date` (working days only when the curve skips weekends). */
export function addCountedDays(calendar: PlanCalendar, date: string, days: number): string {
  if (calendar.curve === 'linear') return addDays(date, days);
  let result = date;
  for (let left = days; left > 0;) {
    result = addDays(result, 1);
    if (isWorkingDay(result)) left -= 1;
  }
  return result;
}

/**
 * THE plan: the share of a step's target expected done by the end of campaign day `date`. Linear by
 * counted day from the campaign's start to the step's deadline, both included — day 1 ends with 1/N
 * of the work, the deadline day with all of it. A step due before the campaign starts is wholly due.
 */
export function planShare(calendar: PlanCalendar, deadline: string, date: string): number {
  if (date >= deadline) return 1;
  const total = countedDays(calendar, calendar.startDate, deadline);
  if (total <= 0) return 0;
  return Math.min(1, Math.max(0, countedDays(calendar, calendar.startDate, date) / total));
}

/** A moment of a reporting day: the local date, and whether its report cut-off has passed. */
export interface ReportingMoment {
  readonly date: string;
  readonly afterCutoff: boolean;
}

/**
 * The moment `now` stands at for the reporting day `date`: an earlier day is closed (after its
 * cut-off); today is before or after the cut-off by the local clock; a later day has not begun.
 */
export function reportingMoment(
  date: string,
  now: Date,
  settings: { readonly timeZone: string; readonly reportCutoff: string },
): ReportingMoment {
  const local = localParts(now, settings.timeZone);
  return {
    date,
    afterCutoff: date < local.date || (date === local.date && local.time >= settings.reportCutoff),
  };
}

/** A day whose reporting is over (an evening report, an export of an earlier day). */
export function closedDay(date: string): ReportingMoment {
  return { date, afterCutoff: true };
}

/**
 * The day whose plan a unit is judged against. Before the cut-off, a unit that has not reported today
 * still shows yesterday's figures, so it is judged against yesterday's plan; after the cut-off, or once
 * it has reported, against today's.
 */
export function judgedDate(moment: ReportingMoment, reportedToday: boolean): string {
  return moment.afterCutoff || reportedToday ? moment.date : addDays(moment.date, -1);
}

/**
 * THE "còn N ngày": reporting days left until a deadline, INCLUDING today while today's cut-off has
 * not passed and EXCLUDING it after (today's work is then reported). 0 once the deadline is over.
 */
export function reportingDaysLeft(calendar: PlanCalendar, deadline: string, moment: ReportingMoment): number {
  const from = moment.afterCutoff ? addDays(moment.date, 1) : moment.date;
  return countedDays(calendar, from, deadline);
}

/** THE "cần X/ngày": remaining work over the reporting days left, rounded up; null when no day is left. */
export function neededPerDay(remaining: number, daysLeft: number): number | null {
  if (remaining <= 0) return 0;
  return daysLeft > 0 ? Math.ceil(remaining / daysLeft) : null;
}

import type { DailyReportData } from './daily-report-data.js';
import { daysBetween, formatDateTime } from '../messages/vi-format.js';

/** "dữ liệu lúc 17:00 10/03/2025": when the figures were taken, in the campaign's time zone. */
export function dataTimeLabel(data: DailyReportData): string {
  return `dữ liệu lúc ${formatDateTime(data.dataAsOf, data.timeZone)}`;
}

/** The report date as day n of the campaign's N days, or null outside the campaign. */
export function campaignDay(data: DailyReportData): { day: number; total: number } | null {
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

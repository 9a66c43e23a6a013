import { formatDayMonth, formatNumber, formatPercent } from '../messages/vi-format.js';
import type { DayStats } from './day-stats.js';

const WEEKDAYS = ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'];

/** One line per campaign day, printed as the day ends. */
export function progressLine(d: DayStats, days: number, communes: number, elapsedMs: number): string {
  const weekday = WEEKDAYS[new Date(`${d.date}T12:00:00Z`).getUTCDay()] ?? '';
  const reminders = Object.values(d.reminders).reduce((a, b) => a + b, 0);
  return [
    `Ngày ${String(d.day).padStart(String(days).length)}/${days} ${weekday} ${formatDayMonth(d.date)}`,
    `báo cáo ${formatNumber(d.onTime + d.late)}/${formatNumber(communes)} (muộn ${formatNumber(d.late)})`,
    `tệp mẫu ${formatNumber(d.files)} (không đạt ${formatNumber(d.rejectedFiles)})`,
    `tin nhắc ${formatNumber(reminders)}`,
    `toàn tỉnh ${formatPercent(d.provinceCompletion)}`,
    `${(elapsedMs / 1000).toFixed(0)} s`,
  ].join(' · ');
}

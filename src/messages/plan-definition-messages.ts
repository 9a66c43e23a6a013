import type { CampaignFile } from '../domain/campaign-file.js';
import { addDays, daysBetween } from '../domain/local-time.js';
import { completionDeadline } from '../domain/campaign.js';
import {
  countedDays,
  neededPerDay,
  planCalendarOf,
  planShare,
  reportingDaysLeft,
  type PlanCalendar,
} from '../domain/plan.js';
import { PACE_LABELS } from './unit-label-messages.js';
import { formatDate, formatDayMonth, formatNumber, formatPercent } from './vi-format.js';

/** What the plan definition is told from: the campaign's dates, steps, cut-off, curve and thresholds. */
export type PlanDefinitionSettings = Pick<
  CampaignFile,
  'startDate' | 'endDate' | 'reportCutoff' | 'plan' | 'pace' | 'milestones'
>;

/** The heading of the definition (printed once, e.g. in the demo's summary). */
export const PLAN_DEFINITION_TITLE = 'Cách tính kế hoạch và số ngày còn lại (một cách tính cho mọi báo cáo):';

const CURVE_WORDS: Readonly<Record<PlanCalendar['curve'], string>> = {
  linear: 'tăng đều theo từng ngày lịch (kể cả thứ Bảy, Chủ nhật)',
  'working-days': 'tăng đều theo ngày làm việc (thứ Hai đến thứ Sáu; thứ Bảy, Chủ nhật không tăng)',
};

/** A percentage of a share as the plan computes it, e.g. "5,0%". */
const share = (calendar: PlanCalendar, deadline: string, date: string) =>
  formatPercent(planShare(calendar, deadline, date));

/** The campaign day number of a date (1 = the start date). */
const dayNumber = (calendar: PlanCalendar, date: string) => daysBetween(calendar.startDate, date) + 1;

/** "ngày 1 (01/03): 5,0%": the plan of one campaign day, computed by the domain's planShare. */
function dayShare(calendar: PlanCalendar, deadline: string, date: string, label?: string): string {
  const name = label ?? `ngày ${dayNumber(calendar, date)}`;
  return `${name} (${formatDayMonth(date)}) ${share(calendar, deadline, date)}`;
}

/** One line per deadline: the steps due then, N, and the plan of day 1, day 10 and the deadline. */
function deadlineLines(settings: PlanDefinitionSettings, calendar: PlanCalendar): string[] {
  const byDeadline = new Map<string, string[]>();
  for (const m of settings.milestones)
    byDeadline.set(m.deadline, [...(byDeadline.get(m.deadline) ?? []), m.title]);
  return [...byDeadline.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([deadline, titles]) => {
      const steps = titles.join('; ');
      if (deadline < settings.startDate)
        return `  • ${steps} — hạn ${formatDate(deadline)}, trước ngày bắt đầu: kế hoạch ${share(calendar, deadline, settings.startDate)} ngay từ ngày 1.`;
      const total = countedDays(calendar, settings.startDate, deadline);
      const tenth = addDays(settings.startDate, 9);
      const examples = [
        dayShare(calendar, deadline, settings.startDate),
        ...(tenth < deadline ? [dayShare(calendar, deadline, tenth)] : []),
        dayShare(calendar, deadline, deadline, 'ngày hạn'),
      ];
      return `  • ${steps} — hạn ${formatDate(deadline)}, N = ${formatNumber(total)} ngày: ${examples.join(' · ')}.`;
    });
}

/** How "còn N ngày" and "cần X/ngày" count, with the first day of the campaign as the example. */
function daysLeftLines(settings: PlanDefinitionSettings, calendar: PlanCalendar): string[] {
  const deadline = completionDeadline(settings);
  const first = settings.startDate;
  const morning = reportingDaysLeft(calendar, deadline, { date: first, afterCutoff: false });
  const evening = reportingDaysLeft(calendar, deadline, { date: first, afterCutoff: true });
  const remaining = 1000;
  const needed = neededPerDay(remaining, morning);
  return [
    `  "Còn N ngày": số ngày báo cáo còn lại đến hạn, tính cả hôm nay khi chưa đến giờ chốt ${settings.reportCutoff}, ` +
      `không tính hôm nay sau giờ chốt — ví dụ hạn ${formatDayMonth(deadline)}: sáng ${formatDayMonth(first)} còn ${formatNumber(morning)} ngày, ` +
      `sau ${settings.reportCutoff} ngày ${formatDayMonth(first)} còn ${formatNumber(evening)} ngày.`,
    `  "Cần X/ngày": số hồ sơ còn thiếu chia cho N ngày đó, làm tròn lên` +
      (needed === null
        ? '.'
        : ` (còn ${formatNumber(remaining)} hồ sơ, còn ${formatNumber(morning)} ngày → cần ${formatNumber(needed)}/ngày).`),
  ];
}

/**
 * The plan definition of a campaign, in Vietnamese: the curve, the start, each step's deadline with the
 * plan of a few days (computed by the domain's own functions), how pace is judged against it before and
 * after the cut-off, and how "còn N ngày" and "cần X/ngày" count.
 */
export function planDefinitionLines(settings: PlanDefinitionSettings): string[] {
  const calendar = planCalendarOf(settings);
  const { behindRatio, farBehindRatio } = settings.pace;
  return [
    PLAN_DEFINITION_TITLE,
    `  "Kế hoạch" của một bước vào cuối ngày thứ d của chiến dịch là phần chỉ tiêu của bước đó phải xong đến hết ngày d, ` +
      `${CURVE_WORDS[calendar.curve]} từ ngày bắt đầu ${formatDate(settings.startDate)} đến hạn của bước: ` +
      'ngày 1 xong 1/N chỉ tiêu, ngày hạn xong toàn bộ (N là số ngày từ ngày bắt đầu đến hạn, tính cả hai ngày).',
    ...deadlineLines(settings, calendar),
    `  Tiến độ của một xã: số hồ sơ đã đính kèm tệp và rà soát so với kế hoạch của bước đó (hạn ${formatDate(completionDeadline(settings))}): đạt từ ${formatPercent(behindRatio, 0)} kế hoạch là ` +
      `"${PACE_LABELS.on_track}", từ ${formatPercent(farBehindRatio, 0)} đến dưới ${formatPercent(behindRatio, 0)} là ` +
      `"${PACE_LABELS.behind}", dưới ${formatPercent(farBehindRatio, 0)} là "${PACE_LABELS.far_behind}"; ` +
      `từ ngày hạn, chưa đủ 100% là "${PACE_LABELS.overdue}".`,
    `  Trước giờ chốt ${settings.reportCutoff}, xã chưa báo cáo hôm nay được so với kế hoạch hết hôm qua; ` +
      'sau giờ chốt, hoặc khi xã đã báo cáo, so với kế hoạch hết hôm nay.',
    ...daysLeftLines(settings, calendar),
  ];
}

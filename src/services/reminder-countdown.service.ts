import type { Campaign } from '../domain/campaign.js';
import type { CampaignFile, MilestoneSettings } from '../domain/campaign-file.js';
import { daysBetween } from '../domain/local-time.js';
import { neededPerDay, planCalendarOf, reportingDaysLeft, reportingMoment } from '../domain/plan.js';
import type { RankedStanding } from '../domain/progress.js';
import type { CountdownLine } from '../domain/reminder-notice.js';
import type { Db } from '../db/database.js';
import { findRootUnit } from '../db/reminder.repository.js';
import { getScopeProgress } from './progress.service.js';
import {
  activeMembersByUnit,
  messagesTo,
  type PlannedMessage,
  type ReminderPlan,
} from './reminder-recipients.service.js';

/** The milestones whose deadline is one of the countdown days (calendar days, a schedule setting) away from `date`. */
export function milestonesInCountdown(settings: CampaignFile, date: string): MilestoneSettings[] {
  return settings.milestones.filter((m) =>
    settings.reminders.countdownDays.includes(daysBetween(date, m.deadline)),
  );
}

/** A unit's target for a milestone's figure: books for the books step, cases for the others. */
function targetFor(standing: RankedStanding, milestone: MilestoneSettings): number {
  if (!standing.target) return 0;
  return milestone.metric === 'books' ? standing.target.books : standing.target.cases;
}

/**
 * The deadline countdown (dem-nguoc) for `date`: every commune still short of a milestone in countdown
 * gets one message with its own figures and the gap for each such milestone; done ones get nothing.
 * Figures are the latest reported on or before `date`; "còn N ngày" and "cần X/ngày" are the domain's
 * reporting days left at `now` (the morning: today included).
 */
export async function planDeadlineCountdown(
  db: Db,
  campaign: Campaign,
  date: string,
  now: Date,
): Promise<ReminderPlan> {
  const { settings } = campaign;
  const calendar = planCalendarOf(settings);
  const moment = reportingMoment(date, now, settings);
  const due = milestonesInCountdown(settings, date);
  const root = due.length > 0 ? await findRootUnit(db, campaign.id) : undefined;
  if (!root) return { messages: [], units: 0, details: { date, milestones: [] } };
  const progress = await getScopeProgress(db, campaign, root.id, date, now);
  const reporters = await activeMembersByUnit(db, campaign.id, 'reporter');
  const messages: PlannedMessage[] = [];
  const reminded: string[] = [];
  let shortWithoutReporter = 0;
  for (const standing of progress.standings) {
    const lines: CountdownLine[] = due
      .map((m) => {
        const done = standing.figures[m.metric];
        const target = targetFor(standing, m);
        const daysLeft = reportingDaysLeft(calendar, m.deadline, moment);
        return {
          title: m.title,
          metric: m.metric,
          metricLabel: (settings.metrics.find((x) => x.code === m.metric)?.short ?? m.metric).toLowerCase(),
          deadline: m.deadline,
          daysLeft,
          dueToday: m.deadline === date,
          done,
          target,
          neededPerDay: neededPerDay(target - done, daysLeft),
        };
      })
      .filter((line) => line.target > 0 && line.done < line.target);
    if (lines.length === 0) continue;
    const members = reporters.get(standing.unitId) ?? [];
    if (members.length === 0) {
      shortWithoutReporter += 1;
      continue;
    }
    reminded.push(standing.code);
    messages.push(...messagesTo(members, { kind: 'countdown', unitName: standing.name, lines }));
  }
  return {
    messages,
    units: reminded.length,
    details: {
      date,
      milestones: due.map((m) => m.code),
      shortWithoutReporter,
      unitCodes: reminded,
    },
  };
}

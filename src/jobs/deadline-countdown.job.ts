import { milestonesInCountdown, planDeadlineCountdown } from '../services/reminder-countdown.service.js';
import type { JobDefinition } from './job-definition.js';
import { campaignDates } from './job-slots.js';
import { planToJobResult } from './plan-messages.js';

/**
 * `dem-nguoc`: on the mornings that are a countdown day away from a milestone's deadline (default 3, 1
 * and 0), communes still short of it get their figures and the gap. Only days within the campaign.
 */
export const deadlineCountdownJob: JobDefinition = {
  name: 'dem-nguoc',
  slotTimes: (settings) =>
    campaignDates(settings)
      .filter((date) => milestonesInCountdown(settings, date).length > 0)
      .map((date) => ({ date, time: settings.reminders.countdownTime })),
  // Judged at the slot's own time (the morning), even when a late run or `run-job --at` runs it later.
  run: async ({ db, campaign, slot }) =>
    planToJobResult(campaign, await planDeadlineCountdown(db, campaign, slot.date, slot.at)),
};

import { addDays } from '../domain/local-time.js';
import { planMissedReports } from '../services/reminder.service.js';
import type { JobDefinition } from './job-definition.js';
import { campaignDates } from './job-slots.js';
import { planToJobResult } from './plan-messages.js';

/**
 * `thieu-bao-cao`: in the morning, reporters of communes that missed yesterday get a note, and communes
 * silent for several days are escalated to their district's coordinators. It runs from the campaign's
 * second day to its last (the day after the end is after the end: no reminders then).
 */
export const missedReportJob: JobDefinition = {
  name: 'thieu-bao-cao',
  slotTimes: (settings) =>
    campaignDates(settings)
      .filter((date) => date >= addDays(settings.startDate, 1))
      .map((date) => ({ date, time: settings.reminders.missedMorning })),
  run: async ({ db, campaign, slot }) =>
    planToJobResult(campaign, await planMissedReports(db, campaign, slot.date)),
};

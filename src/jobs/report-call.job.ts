import { planReportCall } from '../services/reminder.service.js';
import type { JobDefinition } from './job-definition.js';
import { campaignDates } from './job-slots.js';
import { planToJobResult } from './plan-messages.js';

/** `nhac-bao-cao`: before the cut-off, reporters of communes with no report today are reminded. */
export const reportCallJob: JobDefinition = {
  name: 'nhac-bao-cao',
  slotTimes: (settings) =>
    campaignDates(settings).map((date) => ({ date, time: settings.reminders.reportCall })),
  run: async ({ db, campaign, slot }) =>
    planToJobResult(campaign, await planReportCall(db, campaign, slot.date)),
};

import { planReportCall } from '../services/reminder.service.js';
import { oaRemindedEarly } from '../services/zalo-oa-reminder.service.js';
import type { JobDefinition } from './job-definition.js';
import { campaignDates } from './job-slots.js';
import { planToJobResult } from './plan-messages.js';

/** `nhac-bao-cao`: before the cut-off, reporters of communes with no report today are reminded. */
export const reportCallJob: JobDefinition = {
  name: 'nhac-bao-cao',
  slotTimes: (settings) =>
    campaignDates(settings).map((date) => ({ date, time: settings.reminders.reportCall })),
  run: async ({ db, campaign, slot }) => {
    const plan = await planReportCall(db, campaign, slot.date);
    // Zalo OA reporters reminded earlier inside their free window (zalo-oa-nhac-som) are not reminded twice.
    const early = await oaRemindedEarly(db, campaign.code, slot.date);
    return planToJobResult(campaign, {
      ...plan,
      messages: plan.messages.filter((m) => !(m.platform === 'zalo-oa' && early.has(m.chatId))),
    });
  },
};

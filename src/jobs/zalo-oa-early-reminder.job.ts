import { instantAt } from '../domain/local-time.js';
import { planReportCall } from '../services/reminder.service.js';
import { movedOaReminders } from '../services/zalo-oa-reminder.service.js';
import type { JobDefinition } from './job-definition.js';
import { campaignDates } from './job-slots.js';
import { planToJobResult } from './plan-messages.js';

/** The OA platform key (the jobs layer may not import the adapter). */
const OA = 'zalo-oa';
/** No reminder before the working day starts, even to keep it free. */
export const EARLY_REMINDER_FROM = '07:00';

function hoursBefore(end: string): string[] {
  const [endHour = 16] = end.split(':').map(Number);
  const first = Number(EARLY_REMINDER_FROM.slice(0, 2));
  const times: string[] = [];
  for (let hour = first; hour < endHour; hour++) times.push(`${String(hour).padStart(2, '0')}:00`);
  return times;
}

/**
 * `zalo-oa-nhac-som`: the report call of an OA reporter whose free window closes before the planned
 * report call (they last wrote two days ago in the morning) goes out in the hour their window is still
 * open, the same notice the planned job sends; `nhac-bao-cao` then leaves them out. Runs hourly from
 * 07:00 to the report call, only when the OA channel runs.
 */
export const oaEarlyReminderJob: JobDefinition = {
  name: 'zalo-oa-nhac-som',
  slotTimes: (settings) =>
    campaignDates(settings).flatMap((date) =>
      hoursBefore(settings.reminders.reportCall).map((time) => ({ date, time })),
    ),
  run: async ({ db, campaign, slot }) => {
    const { timeZone, reminders } = campaign.settings;
    const planned = instantAt(slot.date, reminders.reportCall, timeZone);
    const earliest = instantAt(slot.date, EARLY_REMINDER_FROM, timeZone);
    const moved = await movedOaReminders(db, { campaignId: campaign.id, platform: OA, planned, earliest });
    const slotEnd = slot.at.getTime() + 3_600_000;
    // This slot sends those whose latest free moment falls in its hour (at or after the slot starts).
    const due = (chatId: string) => {
      const at = moved.get(chatId)?.getTime();
      return at !== undefined && at >= slot.at.getTime() && at < slotEnd;
    };
    if (![...moved.keys()].some(due)) return { messages: [], outcome: { units: 0, errors: [] } };
    const plan = await planReportCall(db, campaign, slot.date);
    const messages = plan.messages.filter((m) => m.platform === OA && due(m.chatId));
    return planToJobResult(campaign, {
      messages,
      units: messages.length,
      details: { moved: messages.length },
    });
  },
};

import type { Campaign } from '../domain/campaign.js';
import { provinceOffice } from '../domain/reminder-notice.js';
import { remindMessages } from '../messages/remind-messages.js';
import type { PlannedMessage, ReminderPlan } from '../services/reminder-recipients.service.js';
import type { JobResult } from './job-definition.js';

/**
 * A reminder service's plan as a job result: each planned notice worded as one text message, signed by
 * the province's office (a scheduled reminder has no person behind it).
 */
export function planToJobResult(campaign: Campaign, plan: ReminderPlan): JobResult {
  const office = provinceOffice(campaign.settings);
  return {
    messages: plan.messages.map((m: PlannedMessage) => ({
      platform: m.platform,
      chatId: m.chatId,
      kind: 'text' as const,
      payload: { text: remindMessages.notice(m.notice, office) },
    })),
    outcome: { units: plan.units, errors: [], ...plan.details },
  };
}

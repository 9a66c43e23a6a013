import { remindMessages } from '../messages/remind-messages.js';
import type { PlannedMessage, ReminderPlan } from '../services/reminder-recipients.service.js';
import type { JobResult } from './job-definition.js';

/** A reminder service's plan as a job result: each planned notice worded as one text message. */
export function planToJobResult(plan: ReminderPlan): JobResult {
  return {
    messages: plan.messages.map((m: PlannedMessage) => ({
      platform: m.platform,
      chatId: m.chatId,
      kind: 'text' as const,
      payload: { text: remindMessages.notice(m.notice) },
    })),
    outcome: { units: plan.units, errors: [], ...plan.details },
  };
}

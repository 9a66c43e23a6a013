import type { PlannedMessage, ReminderPlan } from '../services/reminder-recipients.service.js';
import type { JobResult } from './job-definition.js';

/** A reminder service's plan as a job result: one text message per recipient. */
export function planToJobResult(plan: ReminderPlan): JobResult {
  return {
    messages: plan.messages.map((m: PlannedMessage) => ({
      platform: m.platform,
      chatId: m.chatId,
      kind: 'text' as const,
      payload: { text: m.text },
    })),
    outcome: { units: plan.units, errors: [], ...plan.details },
  };
}

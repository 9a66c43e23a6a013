import { instantAt, addDays } from '../domain/local-time.js';
import type { Campaign } from '../domain/campaign.js';
import type { Db } from '../db/database.js';
import { deadlineCountdownJob } from '../jobs/deadline-countdown.job.js';
import { missedReportJob } from '../jobs/missed-report.job.js';
import { reportCallJob } from '../jobs/report-call.job.js';
import { oaEarlyReminderJob } from '../jobs/zalo-oa-early-reminder.job.js';
import { deliveriesByKey, type Delivery } from '../services/demo-facts.service.js';

/** The kinds of reminder a chat can receive, scheduled or from a coordinator. */
export type ReminderKind = 'report_call' | 'missed' | 'countdown' | 'escalation' | 'broadcast';

// Reminders are told apart by the outbox dedupe keys of what was delivered, never by their words: a job's
// messages are keyed `job:<job name>:<slot>:<recipient>` (job-run.service), a coordinator's broadcast
// `broadcast:<id>:<recipient>` (broadcast.service).
/** The start of the dedupe keys of a job's messages. */
export const jobPrefix = (name: string): string => `job:${name}:`;
const BROADCAST_PREFIX = 'broadcast:';
const PREFIXES = [reportCallJob, oaEarlyReminderJob, missedReportJob, deadlineCountdownJob].map((job) =>
  jobPrefix(job.name),
);

/** The reminder kind of a delivered message; the morning job's note goes to reporters, its escalation to coordinators. */
export function reminderKind(delivery: Delivery): ReminderKind | undefined {
  const key = delivery.dedupeKey;
  if (key.startsWith(BROADCAST_PREFIX)) return 'broadcast';
  // An OA reporter's report call comes earlier when their free window closes before 16:00.
  if (key.startsWith(jobPrefix(reportCallJob.name)) || key.startsWith(jobPrefix(oaEarlyReminderJob.name)))
    return 'report_call';
  if (key.startsWith(jobPrefix(deadlineCountdownJob.name))) return 'countdown';
  if (key.startsWith(jobPrefix(missedReportJob.name)))
    return delivery.role === 'coordinator' ? 'escalation' : 'missed';
  return undefined;
}

/** No reminders of any kind. */
export function noReminders(): Record<ReminderKind, number> {
  return { report_call: 0, missed: 0, countdown: 0, escalation: 0, broadcast: 0 };
}

/** The reminders delivered in a window of local dates, optionally to one chat, with their kinds. */
export async function remindersDelivered(
  db: Db,
  campaign: Campaign,
  window: { readonly fromDate: string; readonly toDate: string; readonly chatId?: number },
): Promise<{ kind: ReminderKind; delivery: Delivery }[]> {
  const { timeZone } = campaign.settings;
  const deliveries = await deliveriesByKey(db, campaign, {
    prefixes: [...PREFIXES, BROADCAST_PREFIX],
    from: instantAt(window.fromDate, '00:00', timeZone),
    to: instantAt(addDays(window.toDate, 1), '00:00', timeZone),
    ...(window.chatId === undefined ? {} : { chatId: String(window.chatId) }),
  });
  return deliveries.flatMap((delivery) => {
    const kind = reminderKind(delivery);
    return kind ? [{ kind, delivery }] : [];
  });
}

/** Counts reminders by kind. */
export function countReminders(reminders: readonly { kind: ReminderKind }[]): Record<ReminderKind, number> {
  const counts = noReminders();
  for (const { kind } of reminders) counts[kind]++;
  return counts;
}

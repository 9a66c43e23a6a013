import { addDays } from '../domain/local-time.js';
import { redactExpiredChatContent } from '../services/retention.service.js';
import type { JobDefinition } from './job-definition.js';
import { campaignDates } from './job-slots.js';

/** When the redaction runs each day, local time: quiet hours, after the sample purge. */
export const RETENTION_TIME = '02:30';

/**
 * `xoa-tin-nhan-cu`: every night, chat content older than the campaign's `retention.chatDays` is redacted
 * from the inbox and the outbox (DESIGN §6). It sends no message. It runs past the campaign's end for as
 * long as the retention period, so the last day's messages are redacted too; a missed night is caught up
 * by the next one, since each run redacts everything due by then.
 */
export const retentionJob = {
  name: 'xoa-tin-nhan-cu',
  slotTimes: (settings) =>
    campaignDates({
      startDate: settings.startDate,
      endDate: addDays(settings.endDate, settings.retention.chatDays + 1),
    }).map((date) => ({ date, time: RETENTION_TIME })),
  run: async ({ db, campaign, now }) => {
    const redacted = await redactExpiredChatContent(db, campaign.settings, now);
    return { messages: [], outcome: { units: 0, errors: [], redacted } };
  },
} as const satisfies Omit<JobDefinition, 'name'> & { readonly name: 'xoa-tin-nhan-cu' };

import { listActiveGroups } from '../services/group-chat.service.js';
import type { JobDefinition, JobMessage } from './job-definition.js';
import { campaignDates } from './job-slots.js';
import { dailySummaryContent, dashboardDayUrl } from './daily-summary-content.js';

/**
 * `tong-hop-ngay`: every evening of the campaign, each active leadership group gets the summary of its
 * scope. A group whose summary cannot be built is recorded in the outcome; the others still get theirs.
 */
export const dailySummaryJob: JobDefinition = {
  name: 'tong-hop-ngay',
  slotTimes: (settings) => campaignDates(settings).map((date) => ({ date, time: settings.summaryTime })),
  run: async ({ db, campaign, slot, now, logger, webBaseUrl }) => {
    const groups = await listActiveGroups(db, campaign.id, 'leadership');
    const messages: JobMessage[] = [];
    const errors: string[] = [];
    for (const group of groups) {
      try {
        const dashboardUrl = webBaseUrl
          ? dashboardDayUrl(webBaseUrl, group.scope_unit_id, slot.date)
          : undefined;
        const parts = await dailySummaryContent(db, campaign, group, slot.date, now, { dashboardUrl });
        parts.forEach((part, index) =>
          messages.push({
            ...part,
            platform: group.platform,
            chatId: group.chat_id,
            ...(parts.length > 1 ? { part: index + 1 } : {}),
          }),
        );
      } catch (error) {
        logger.error({ err: error, groupId: group.id }, 'daily summary failed for a group');
        errors.push(`group ${group.id}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (groups.length > 0 && errors.length === groups.length) throw new Error(errors.join('; '));
    return {
      messages,
      outcome: { units: new Set(groups.map((g) => g.scope_unit_id)).size, groups: groups.length, errors },
    };
  },
};

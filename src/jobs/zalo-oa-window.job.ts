import { addDays, instantAt } from '../domain/local-time.js';
import { provinceOffice } from '../domain/reminder-notice.js';
import { nearingSilence } from '../domain/zalo-oa-window.js';
import { formatDate } from '../messages/vi-format.js';
import { zaloOaMessages } from '../messages/zalo-oa-messages.js';
import { oaAlertRecipients } from '../services/zalo-oa-alert.service.js';
import { listOaMemberWindows, zaloOaSendCounts } from '../services/zalo-oa-window.service.js';
import type { JobDefinition, JobMessage } from './job-definition.js';
import { campaignDates } from './job-slots.js';

const OA = 'zalo-oa';
/** Before the day's work: coordinators read it with their morning list. */
export const OA_WINDOW_TIME = '07:30';

/**
 * `zalo-oa-cua-so`: each morning, province coordinators get one line on the OA's sends of the day before
 * (free, billed, refused) and who the OA can no longer reach; OA members whose 7 days of silence run out
 * within a day get a short question that is easy to answer, so their window stays open. Only when the
 * OA channel runs; a campaign with nobody on the OA gets nothing.
 */
export const oaWindowJob: JobDefinition = {
  name: 'zalo-oa-cua-so',
  slotTimes: (settings) => campaignDates(settings).map((date) => ({ date, time: OA_WINDOW_TIME })),
  run: async ({ db, campaign, slot, now }) => {
    const { timeZone } = campaign.settings;
    const yesterday = addDays(slot.date, -1);
    const counts = await zaloOaSendCounts(
      db,
      instantAt(yesterday, '00:00', timeZone),
      instantAt(slot.date, '00:00', timeZone),
    );
    const members = await listOaMemberWindows(db, campaign.id, OA);
    const sends = counts.free + counts.billed + counts.refused;
    if (members.length === 0 && sends === 0) return { messages: [], outcome: { units: 0, errors: [] } };
    const unreachable = members.filter((m) => m.unreachableSince !== undefined);
    const line = zaloOaMessages.dailyLine(
      formatDate(yesterday),
      counts,
      unreachable.map((m) => ({ name: m.displayName, unitName: m.unitName })),
    );
    const messages: JobMessage[] = (await oaAlertRecipients(db, campaign.id)).map((r) => ({
      platform: r.platform,
      chatId: r.chatId,
      kind: 'text' as const,
      payload: { text: line },
    }));
    const asked = members.filter(
      (m) =>
        m.unreachableSince === undefined && m.lastInbound !== undefined && nearingSilence(m.lastInbound, now),
    );
    const question = zaloOaMessages.stillThere(provinceOffice(campaign.settings));
    for (const m of asked) {
      messages.push({ platform: OA, chatId: m.userId, kind: 'text', payload: { text: question } });
    }
    return {
      messages,
      outcome: {
        units: new Set(unreachable.map((m) => m.unitId)).size,
        errors: [],
        ...counts,
        unreachable: unreachable.length,
        asked: asked.length,
      },
    };
  },
};

import type { Campaign } from '../domain/campaign.js';
import type { Db } from '../db/database.js';
import type { GroupChatRow } from '../db/group-chat.table.js';
import { formatClosingReport } from '../messages/daily-summary-messages.js';
import { webChatMessages } from '../messages/web-chat-messages.js';
import { dailyPackageMessages } from '../outbox/daily-package-messages.js';
import { renderDailyPackage } from '../services/daily-package.service.js';
import type { JobMessage } from './job-definition.js';

/** One part of a leadership group's evening summary: the charts (one album), the text or the PDF. */
export type SummaryPart = Pick<JobMessage, 'kind' | 'payload' | 'attachment'>;

/**
 * What a leadership group gets for its scope on `date`, in sending order: one album of the charts (ranked
 * bars, district comparison, progress), one summary text and one PDF.
 * The job around it owns delivery, dedupe keys and the ledger.
 */
export async function dailySummaryContent(
  db: Db,
  campaign: Campaign,
  group: GroupChatRow,
  date: string,
  now: Date,
  options: { dashboardUrl?: string | undefined } = {},
): Promise<SummaryPart[]> {
  const pkg = await renderDailyPackage(db, campaign, group.scope_unit_id, date, now);
  // The runner gives each part its own key (job + slot + recipient + part); these keys are not used.
  const parts: SummaryPart[] = dailyPackageMessages(
    pkg,
    { platform: group.platform, chatId: group.chat_id },
    'unused',
  ).map(({ kind, payload, attachment }) => ({ kind, payload, attachment: attachment ?? null }));
  // With the web side on, the summary text ends with the day's dashboard page (opening it needs a session).
  const { dashboardUrl } = options;
  if (dashboardUrl) {
    const index = parts.findIndex((p) => p.kind === 'text');
    const summary = parts[index];
    const text = (summary?.payload as { text?: unknown } | undefined)?.text;
    if (summary && typeof text === 'string') {
      parts[index] = {
        ...summary,
        payload: { text: `${text}\n\n${webChatMessages.dashboardLine(dashboardUrl)}` },
      };
    }
  }
  // The campaign's last evening closes it; after that day the job has no slot (queries still answer).
  if (date === campaign.settings.endDate) {
    parts.push({ kind: 'text', payload: { text: formatClosingReport(pkg.data) }, attachment: null });
  }
  return parts;
}

/** The dashboard page of a scope's day, as the evening package links it. */
export function dashboardDayUrl(baseUrl: string, scopeUnitId: number, date: string): string {
  return `${baseUrl}/d/${scopeUnitId}?ngay=${date}`;
}

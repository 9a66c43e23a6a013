import type { Campaign } from '../domain/campaign.js';
import type { Db } from '../db/database.js';
import type { GroupChatRow } from '../db/group-chat.table.js';
import { formatClosingReport } from '../messages/daily-summary-messages.js';
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
): Promise<SummaryPart[]> {
  const pkg = await renderDailyPackage(db, campaign, group.scope_unit_id, date, now);
  // The runner gives each part its own key (job + slot + recipient + part); these keys are not used.
  const parts: SummaryPart[] = dailyPackageMessages(
    pkg,
    { platform: group.platform, chatId: group.chat_id },
    'unused',
  ).map(({ kind, payload, attachment }) => ({ kind, payload, attachment: attachment ?? null }));
  // The campaign's last evening closes it; after that day the job has no slot (queries still answer).
  if (date === campaign.settings.endDate) {
    parts.push({ kind: 'text', payload: { text: formatClosingReport(pkg.data) }, attachment: null });
  }
  return parts;
}

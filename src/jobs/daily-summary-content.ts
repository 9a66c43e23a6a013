import type { Campaign } from '../domain/campaign.js';
import type { Db } from '../db/database.js';
import type { GroupChatRow } from '../db/group-chat.table.js';
import { dailyPackageMessages } from '../outbox/daily-package-messages.js';
import { renderDailyPackage } from '../services/daily-package.service.js';
import type { JobMessage } from './job-definition.js';

/** One part of a leadership group's evening summary: a text, a chart (photo) or a PDF (document). */
export type SummaryPart = Pick<JobMessage, 'kind' | 'payload' | 'attachment'>;

/**
 * What a leadership group gets for its scope on `date`, in sending order: the ranked charts (the first
 * with a short caption), the district comparison, the progress chart, the summary text and the PDF.
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
  return dailyPackageMessages(pkg, { platform: group.platform, chatId: group.chat_id }, 'unused').map(
    ({ kind, payload, attachment }) => ({ kind, payload, attachment: attachment ?? null }),
  );
}

import type { CampaignFile } from '../domain/campaign-file.js';
import type { Db } from '../db/database.js';
import { redactChatContentBefore, type RedactionCounts } from '../db/retention.repository.js';

const DAY_MS = 86_400_000;

/** The instant before which chat content is past the campaign's retention period. */
export function chatRetentionCutoff(settings: Pick<CampaignFile, 'retention'>, now: Date): Date {
  return new Date(now.getTime() - settings.retention.chatDays * DAY_MS);
}

/**
 * Redacts message texts, names and file names older than the campaign's `retention.chatDays` from the
 * inbox, the outbox and the tables that echo them, in one transaction. Returns what changed; running it
 * again at the same time changes nothing.
 */
export async function redactExpiredChatContent(
  db: Db,
  settings: Pick<CampaignFile, 'retention'>,
  now: Date,
): Promise<RedactionCounts> {
  const cutoff = chatRetentionCutoff(settings, now);
  return db.transaction().execute((trx) => redactChatContentBefore(trx, cutoff, now));
}

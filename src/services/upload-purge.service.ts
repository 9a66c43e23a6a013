import type { Db } from '../db/database.js';
import { deleteUploadBatchesBefore } from '../db/upload-batch.repository.js';

const DAY_MS = 86_400_000;

/**
 * Forgets upload batches (their file names and verdicts, kept only for the page's CSV) once they are
 * older than the campaign's sample retention: the samples themselves stay in sample_files, as for the
 * chat. Meant for the nightly `xoa-tep-mau` run; idempotent. Returns how many batches went.
 */
export async function purgeOldUploadBatches(
  db: Db,
  campaignId: number,
  retentionDays: number,
  now: Date,
): Promise<number> {
  return deleteUploadBatchesBefore(db, campaignId, new Date(now.getTime() - retentionDays * DAY_MS));
}

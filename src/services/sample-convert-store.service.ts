import type { Campaign } from '../domain/campaign.js';
import type { Db } from '../db/database.js';
import {
  deleteExpiredConvertedFiles,
  findMemberConvertedFile,
  insertConvertedFiles,
} from '../db/converted-file.repository.js';

const DAY_MS = 86_400_000;

/** A file as the person gave it to the converter. */
export interface ConvertOriginal {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** The end of a file's retention, or undefined when the campaign keeps no file content (0 days). */
function purgeAfter(campaign: Campaign, now: Date): Date | undefined {
  const days = campaign.settings.files.retentionDays;
  return days > 0 ? new Date(now.getTime() + days * DAY_MS) : undefined;
}

/**
 * Keeps the files a member gave the converter until the campaign's retention ends, apart from the
 * commune's samples (they never count as ones). Nothing is kept when the campaign keeps no content.
 */
export async function keepConvertOriginals(
  db: Db,
  campaign: Campaign,
  memberId: number,
  originals: readonly ConvertOriginal[],
  now: Date,
): Promise<number> {
  const until = purgeAfter(campaign, now);
  if (!until) return 0;
  const ids = await insertConvertedFiles(
    db,
    originals.map((file) => ({
      campaign_id: campaign.id,
      member_id: memberId,
      role: 'original' as const,
      file_name: file.name,
      size_bytes: file.bytes.length,
      content: Buffer.from(file.bytes),
      purge_after: until,
      created_at: now,
    })),
  );
  return ids.length;
}

/**
 * Keeps what the converter handed a member back (the ZIP of PDFs of the upload page), so that the page
 * can offer it for download until the campaign's retention ends. Returns its id, or undefined when the
 * campaign keeps no content (the page then sends the ZIP at once instead of linking to it).
 */
export async function keepConvertResult(
  db: Db,
  campaign: Campaign,
  memberId: number,
  result: ConvertOriginal,
  now: Date,
): Promise<number | undefined> {
  const until = purgeAfter(campaign, now);
  if (!until) return undefined;
  const [id] = await insertConvertedFiles(db, [
    {
      campaign_id: campaign.id,
      member_id: memberId,
      role: 'result',
      file_name: result.name,
      size_bytes: result.bytes.length,
      content: Buffer.from(result.bytes),
      purge_after: until,
      created_at: now,
    },
  ]);
  return id;
}

/** A member's own kept result, while it is kept. */
export async function findConvertResult(
  db: Db,
  memberId: number,
  id: number,
  now: Date,
): Promise<{ readonly name: string; readonly bytes: Buffer } | undefined> {
  const row = await findMemberConvertedFile(db, memberId, id, 'result', now);
  return row ? { name: row.file_name, bytes: row.content } : undefined;
}

/** Deletes converted originals and results past their retention (the nightly `xoa-tep-mau`). */
export async function purgeExpiredConvertedFiles(db: Db, now: Date): Promise<number> {
  return deleteExpiredConvertedFiles(db, now);
}

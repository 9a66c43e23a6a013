import { fileRulesOf } from '../domain/campaign.js';
import type { Db } from '../db/database.js';
import { inspectFile } from '../files/file-inspector.js';
import { baseName } from '../files/file-name-rule.js';
import { verdictOf, type FileVerdict, type PathVerdict } from '../files/file-verdict.js';
import { problemFor } from '../messages/file-problem-messages.js';
import { isSystemFile } from '../files/system-file-filter.js';
import { openZip, type ZipLimits } from '../files/zip-reader.js';
import type { SampleStats } from './sample-file-stats.service.js';
import { recordSamples, type InspectedSample } from './sample-file-store.service.js';
import { ownerStats, sampleOwnerOf, type SampleCheckInput, type SentFile } from './sample-file.service.js';

/**
 * Bounds of an archive checked in the chat. The whole check runs inside the update's transaction, so
 * they are tighter than the command line's: a 20 MB download of ~100 KB PDFs holds a few hundred.
 */
export const CHAT_ZIP_LIMITS: ZipLimits = Object.freeze({
  maxEntries: 2_000,
  maxEntryBytes: 20 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
});

// Entries are recorded in groups, so that only one group's bytes are held at a time.
const RECORD_BATCH = 100;

/** The outcome of checking an archive of samples. */
export type SampleArchiveOutcome =
  /** The archive itself could not be opened (damaged, too many entries, too large). */
  | { readonly kind: 'unreadable'; readonly verdict: FileVerdict }
  | {
      readonly kind: 'checked';
      /** Every entry's verdict, as `archive.zip/entry`, in archive order (for the summary and the CSV). */
      readonly rows: readonly PathVerdict[];
      /** Entries the commune had sent before (same bytes): verdicts shown, not counted again. */
      readonly duplicates: number;
      /** The commune's statistics after this archive, when it counts for one. */
      readonly stats?: { readonly unitName: string; readonly stats: SampleStats };
    };

/**
 * Checks every file in a ZIP of samples and records each for the sender's commune. `onOpen` is awaited
 * with the number of files once the archive is open, before any is inspected (to announce a long check).
 */
export async function checkSampleArchive(
  db: Db,
  input: SampleCheckInput,
  archive: SentFile,
  now: Date,
  onOpen?: (fileCount: number) => Promise<void>,
): Promise<SampleArchiveOutcome> {
  const opened = openZip(archive.bytes, CHAT_ZIP_LIMITS);
  if (!opened.ok) {
    const problem = problemFor.zip(opened.fault, opened.measured, opened.limit);
    return { kind: 'unreadable', verdict: verdictOf(archive.name, archive.bytes.length, [problem]) };
  }
  await onOpen?.(opened.entryCount);
  const rules = fileRulesOf(input.campaign.settings);
  const owner = sampleOwnerOf(input.sender);
  const rows: PathVerdict[] = [];
  let pending: InspectedSample[] = [];
  let duplicates = 0;
  const flush = async () => {
    if (owner && pending.length > 0) {
      const recorded = await recordSamples(db, input.campaign, owner, pending, input.inboxId, now);
      duplicates += recorded.filter((r) => r.kind === 'duplicate').length;
    }
    pending = [];
  };
  for (const entry of opened.entries()) {
    if (isSystemFile(entry.name)) continue;
    const path = `${archive.name}/${entry.name}`;
    if (!entry.ok) {
      // Nothing was extracted, so there is nothing to hash or count: the verdict goes to the sender only.
      const problem = problemFor.zip(entry.fault, entry.measured, entry.limit);
      rows.push({ path, verdict: verdictOf(baseName(entry.name), 0, [problem]) });
      continue;
    }
    const verdict = await inspectFile({ name: entry.name, bytes: entry.bytes }, rules, now);
    rows.push({ path, verdict });
    pending.push({ fileName: path, bytes: entry.bytes, verdict });
    if (pending.length >= RECORD_BATCH) await flush();
  }
  await flush();
  if (!owner) return { kind: 'checked', rows, duplicates };
  return { kind: 'checked', rows, duplicates, stats: await ownerStats(db, input.sender) };
}

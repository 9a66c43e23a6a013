import { fileRulesOf, type Campaign } from '../domain/campaign.js';
import type { Db } from '../db/database.js';
import { inspectFile } from '../files/file-inspector.js';
import { baseName } from '../files/file-name-rule.js';
import { verdictOf, type FileVerdict, type PathVerdict } from '../domain/file-verdict.js';
import { zipFaultProblem } from '../files/zip-fault-problem.js';
import { isSystemFile } from '../files/system-file-filter.js';
import { openZip, type ZipLimits } from '../files/zip-reader.js';
import type { SampleStats } from '../domain/sample-file-stats.js';
import { recordSamples, type InspectedSample } from './sample-file-store.service.js';
import { ownerStats, sampleOwnerOf, type SampleCheckInput, type SentFile } from './sample-file.service.js';

/**
 * Bounds of an archive checked in the chat: tighter than the command line's, because every extracted
 * file is held until it is recorded (a 20 MB download of ~100 KB PDFs holds a few hundred).
 */
export const CHAT_ZIP_LIMITS: ZipLimits = Object.freeze({
  maxEntries: 2_000,
  maxEntryBytes: 20 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
});

// Entries are recorded in groups of this many rows per statement.
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

/** An archive inspected outside any transaction, ready to be recorded. */
export type ArchiveInspection =
  | { readonly kind: 'unreadable'; readonly verdict: FileVerdict }
  | {
      readonly kind: 'inspected';
      readonly rows: readonly PathVerdict[];
      /** The extracted entries with their verdicts, to record (entries that could not be extracted are only in `rows`). */
      readonly samples: readonly InspectedSample[];
    };

/**
 * Opens a ZIP of samples and inspects every file: CPU only, done before the update's transaction.
 * `onOpen` is awaited with the number of files once the archive is open, before any is inspected (to
 * announce a long check while it runs).
 */
export async function inspectSampleArchive(
  campaign: Campaign,
  archive: SentFile,
  now: Date,
  onOpen?: (fileCount: number) => Promise<void>,
): Promise<ArchiveInspection> {
  const opened = openZip(archive.bytes, CHAT_ZIP_LIMITS);
  if (!opened.ok) {
    const problem = zipFaultProblem(opened.fault, opened.measured, opened.limit);
    return { kind: 'unreadable', verdict: verdictOf(archive.name, archive.bytes.length, [problem]) };
  }
  await onOpen?.(opened.entryCount);
  const rules = fileRulesOf(campaign.settings);
  const rows: PathVerdict[] = [];
  const samples: InspectedSample[] = [];
  for (const entry of opened.entries()) {
    if (isSystemFile(entry.name)) continue;
    const path = `${archive.name}/${entry.name}`;
    if (!entry.ok) {
      // Nothing was extracted, so there is nothing to hash or count: the verdict goes to the sender only.
      const problem = zipFaultProblem(entry.fault, entry.measured, entry.limit);
      rows.push({ path, verdict: verdictOf(baseName(entry.name), 0, [problem]) });
      continue;
    }
    const verdict = await inspectFile({ name: entry.name, bytes: entry.bytes }, rules, now);
    rows.push({ path, verdict });
    samples.push({ fileName: path, bytes: entry.bytes, verdict });
  }
  return { kind: 'inspected', rows, samples };
}

/** Records an inspected archive's files for the sender's commune; short database work only. */
export async function recordSampleArchive(
  db: Db,
  input: SampleCheckInput,
  inspection: ArchiveInspection,
  now: Date,
): Promise<SampleArchiveOutcome> {
  if (inspection.kind === 'unreadable') return inspection;
  const owner = sampleOwnerOf(input.sender);
  const { rows, samples } = inspection;
  if (!owner) return { kind: 'checked', rows, duplicates: 0 };
  let duplicates = 0;
  for (let i = 0; i < samples.length; i += RECORD_BATCH) {
    const recorded = await recordSamples(
      db,
      input.campaign,
      owner,
      samples.slice(i, i + RECORD_BATCH),
      input.inboxId,
      now,
    );
    duplicates += recorded.filter((r) => r.kind === 'duplicate').length;
  }
  return { kind: 'checked', rows, duplicates, stats: await ownerStats(db, input.sender) };
}

/** Checks every file in a ZIP of samples and records each (callers without a transaction of their own). */
export async function checkSampleArchive(
  db: Db,
  input: SampleCheckInput,
  archive: SentFile,
  now: Date,
  onOpen?: (fileCount: number) => Promise<void>,
): Promise<SampleArchiveOutcome> {
  const inspection = await inspectSampleArchive(input.campaign, archive, now, onOpen);
  return recordSampleArchive(db, input, inspection, now);
}

import { createHash } from 'node:crypto';
import type { Campaign } from '../domain/campaign.js';
import type { Db } from '../db/database.js';
import {
  countPassedSamplesWithContent,
  findSamplesByHash,
  insertSampleFiles,
  type NewSampleFile,
} from '../db/sample-file.repository.js';
import { inTransaction } from '../db/transaction.js';
import type { FileVerdict } from '../domain/file-verdict.js';

/** One inspected sample, ready to be recorded. */
export interface InspectedSample {
  /** The name it is listed under: the file's name, or `archive.zip/entry` for a member of an archive. */
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly verdict: FileVerdict;
}

/** The commune a sample counts for, and the reporter who sent it. */
export interface SampleOwner {
  readonly unitId: number;
  readonly memberId: number;
}

/** What recording did with one sample. */
export type RecordedSample =
  /** Counted for the commune now (or by an earlier run of the same update). */
  | { readonly kind: 'counted' }
  /** The commune sent the same bytes before: not stored again. */
  | { readonly kind: 'duplicate'; readonly receivedAt: Date };

// A sample far above any size limit is not a scan a coordinator needs to open again; its verdict says
// enough, and keeping megabytes of civil-status records costs more than it helps (DESIGN §6).
const MAX_KEPT_BYTES = 4 * 1024 * 1024;
const DAY_MS = 86_400_000;
// PostgreSQL takes at most 65,535 parameters per statement; a row has eleven.
const INSERT_BATCH = 1000;

/** The SHA-256 of a file, hex. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Records checked samples for a commune: verdict, size, hash and problems always; the bytes only of
 * rejected samples and of the first few accepted ones, until the campaign's retention ends. A file the
 * commune sent before (same hash) is recognised and not stored again. Running it again for the same
 * inbox update changes nothing: the update's own rows count as "counted", not as duplicates. A web upload
 * has no inbox update (`inboxId` null): every copy stored before is then a duplicate.
 */
export async function recordSamples(
  db: Db,
  campaign: Campaign,
  owner: SampleOwner,
  samples: readonly InspectedSample[],
  inboxId: number | null,
  now: Date,
): Promise<RecordedSample[]> {
  const { retentionDays, keepAcceptedPerUnit } = campaign.settings.files;
  return inTransaction(db, async (trx) => {
    const hashes = samples.map((sample) => sha256Hex(sample.bytes));
    const known = new Map(
      (await findSamplesByHash(trx, owner.unitId, [...new Set(hashes)])).map((row) => [row.sha256, row]),
    );
    let keptPassed = await countPassedSamplesWithContent(trx, owner.unitId);
    const seen = new Set<string>();
    const rows: NewSampleFile[] = [];
    const results = samples.map((sample, index): RecordedSample => {
      const hash = hashes[index] ?? '';
      const stored = known.get(hash);
      if (stored) {
        return inboxId !== null && stored.source_inbox_id === inboxId
          ? { kind: 'counted' }
          : { kind: 'duplicate', receivedAt: stored.received_at };
      }
      // The same bytes twice in one update (an archive holding two copies) are counted once. They are not
      // called duplicates, so that a second run of the update, which finds both stored, answers the same.
      if (seen.has(hash)) return { kind: 'counted' };
      seen.add(hash);
      const { verdict } = sample;
      const rejected = verdict.status === 'rejected';
      const keep =
        retentionDays > 0 &&
        sample.bytes.length <= MAX_KEPT_BYTES &&
        (rejected || keptPassed < keepAcceptedPerUnit);
      if (keep && !rejected) keptPassed++;
      rows.push({
        unitId: owner.unitId,
        memberId: owner.memberId,
        sourceInboxId: inboxId,
        fileName: sample.fileName,
        sizeBytes: sample.bytes.length,
        sha256: hash,
        verdict: verdict.status,
        problems: verdict.problems,
        content: keep ? Buffer.from(sample.bytes) : null,
        purgeAfter: keep ? new Date(now.getTime() + retentionDays * DAY_MS) : null,
        receivedAt: now,
      });
      return { kind: 'counted' };
    });
    for (let start = 0; start < rows.length; start += INSERT_BATCH) {
      await insertSampleFiles(trx, rows.slice(start, start + INSERT_BATCH));
    }
    return results;
  });
}

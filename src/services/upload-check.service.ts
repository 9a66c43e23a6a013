import type { Campaign } from '../domain/campaign.js';
import { fileRulesOf } from '../domain/campaign.js';
import { verdictOf, type FileVerdict, type PathVerdict } from '../domain/file-verdict.js';
import type { SampleStats } from '../domain/sample-file-stats.js';
import type { Db } from '../db/database.js';
import { inTransaction } from '../db/transaction.js';
import {
  addUploadBatchBytes,
  findUploadBatchOf,
  insertUploadBatch,
  insertUploadResults,
  listUploadResults,
} from '../db/upload-batch.repository.js';
import type { UploadBatchRow } from '../db/upload-batch.table.js';
import type { UploadOutcomeCode } from '../db/upload-result.table.js';
import { inspectFile } from '../files/file-inspector.js';
import { baseName } from '../files/file-name-rule.js';
import { zipFaultProblem } from '../files/zip-fault-problem.js';
import { inspectSampleArchive } from './sample-file-archive.service.js';
import { recordSamples, type InspectedSample } from './sample-file-store.service.js';
import { ownerStats, sampleOwnerOf, type SampleSender } from './sample-file.service.js';

/** The page's limits: a file, and everything one drop of files sends (DESIGN: never all in memory). */
export interface UploadLimits {
  readonly maxFileBytes: number;
  readonly maxUploadBytes: number;
}

/** 20 MB a file (the chat's download limit too), 200 MB an upload. */
export const UPLOAD_LIMITS: UploadLimits = Object.freeze({
  maxFileBytes: 20 * 1024 * 1024,
  maxUploadBytes: 200 * 1024 * 1024,
});

/** A file as the page received it. */
export interface ReceivedUpload {
  readonly name: string;
  readonly mimeType: string;
  /** Its real size, also when only its beginning was kept. */
  readonly size: number;
  /** The whole file, or only its beginning when `truncated` (over the file limit). */
  readonly bytes: Uint8Array;
  readonly truncated: boolean;
}

/** What the upload did with a file besides giving its verdict. */
export type UploadOutcome =
  | { readonly kind: 'counted' | 'not_counted' | 'wrong_type' | 'unreadable' }
  | { readonly kind: 'duplicate'; readonly receivedAt: Date }
  | { readonly kind: 'too_large' | 'batch_full'; readonly limit: number };

/** One line of the results: a verdict (none when the file was refused before inspection) and what happened. */
export interface UploadRow {
  readonly path: string;
  readonly verdict?: FileVerdict;
  readonly outcome: UploadOutcome;
}

/** The rows of one file (several for a ZIP), and the commune's statistics after it. */
export interface UploadCheck {
  readonly rows: readonly UploadRow[];
  readonly stats?: { readonly unitName: string; readonly stats: SampleStats };
}

/** What the upload page makes of a file from its name and type, before reading it. */
export function uploadKind(name: string, mimeType: string): 'pdf' | 'zip' | 'other' {
  const lower = name.toLowerCase();
  if (lower.endsWith('.zip') || /^application\/(x-)?zip(-compressed)?$/.test(mimeType)) return 'zip';
  // A renamed JPEG ends in .pdf: it is checked, and the inspector says what it really is.
  if (lower.endsWith('.pdf') || mimeType === 'application/pdf') return 'pdf';
  return 'other';
}

/** Opens the batch of a member's drop of files. */
export async function openUploadBatch(db: Db, campaign: Campaign, sender: SampleSender, now: Date) {
  return insertUploadBatch(db, {
    campaignId: campaign.id,
    unitId: sender.unit.id,
    memberId: sender.member.id,
    createdAt: now,
  });
}

/** The member's own batch, or undefined (another member's batch is not theirs to add to or read). */
export async function findOwnUploadBatch(
  db: Db,
  campaign: Campaign,
  sender: SampleSender,
  batchId: number,
): Promise<UploadBatchRow | undefined> {
  return findUploadBatchOf(db, batchId, campaign.id, sender.member.id);
}

/**
 * Checks one uploaded file with the chat's inspector and campaign rules, records it for the commune like a
 * file sent in the chat (same hash, retention and statistics), and keeps its rows for the batch's CSV.
 * Inspection runs first, outside any transaction; the recording is one short transaction.
 */
export async function checkUpload(
  db: Db,
  campaign: Campaign,
  sender: SampleSender,
  batch: UploadBatchRow,
  file: ReceivedUpload,
  now: Date,
  limits: UploadLimits = UPLOAD_LIMITS,
): Promise<UploadCheck> {
  // The name a browser sends may carry a folder (old browsers) or decomposed accents (macOS).
  const named = { ...file, name: baseName(file.name).normalize('NFC') || file.name };
  const inspected = await inspectUpload(campaign, named, now, limits);
  const owner = sampleOwnerOf(sender);
  const rows = await inTransaction(db, async (trx) => {
    if (!(await addUploadBatchBytes(trx, batch.id, file.size, limits.maxUploadBytes))) {
      const refused: UploadRow[] = [
        { path: named.name, outcome: { kind: 'batch_full', limit: limits.maxUploadBytes } },
      ];
      await keepRows(trx, batch.id, refused, now);
      return refused;
    }
    const recorded = new Map<string, UploadOutcome>();
    if (owner && inspected.samples.length > 0) {
      const results = await recordSamples(trx, campaign, owner, inspected.samples, null, now);
      inspected.samples.forEach((sample, index) => {
        const result = results[index];
        recorded.set(
          sample.fileName,
          result?.kind === 'duplicate'
            ? { kind: 'duplicate', receivedAt: result.receivedAt }
            : { kind: 'counted' },
        );
      });
    }
    const final = inspected.rows.map((row): UploadRow => {
      if (row.outcome.kind !== 'counted') return row;
      return { ...row, outcome: owner ? (recorded.get(row.path) ?? row.outcome) : { kind: 'not_counted' } };
    });
    await keepRows(trx, batch.id, final, now);
    return final;
  });
  return owner ? { rows, stats: await ownerStats(db, sender) } : { rows };
}

/** Every verdict a batch showed, for its CSV. */
export async function uploadBatchVerdicts(db: Db, batchId: number): Promise<PathVerdict[]> {
  const rows = await listUploadResults(db, batchId);
  return rows.flatMap((row) =>
    row.verdict === null ? [] : [{ path: row.path, verdict: row.verdict as FileVerdict }],
  );
}

interface InspectedUpload {
  /** Rows in order; `counted` marks the ones whose sample is recorded (becomes counted or duplicate). */
  readonly rows: readonly UploadRow[];
  readonly samples: readonly InspectedSample[];
}

async function inspectUpload(
  campaign: Campaign,
  file: ReceivedUpload,
  now: Date,
  limits: UploadLimits,
): Promise<InspectedUpload> {
  const kind = uploadKind(file.name, file.mimeType);
  if (kind === 'zip') {
    if (file.truncated) {
      const problem = zipFaultProblem('too_large', file.size, limits.maxFileBytes);
      const verdict = verdictOf(file.name, file.size, [problem]);
      return {
        rows: [{ path: file.name, verdict, outcome: { kind: 'too_large', limit: limits.maxFileBytes } }],
        samples: [],
      };
    }
    const inspection = await inspectSampleArchive(campaign, { name: file.name, bytes: file.bytes }, now);
    if (inspection.kind === 'unreadable') {
      return {
        rows: [{ path: file.name, verdict: inspection.verdict, outcome: { kind: 'unreadable' } }],
        samples: [],
      };
    }
    const stored = new Set(inspection.samples.map((sample) => sample.fileName));
    return {
      rows: inspection.rows.map(({ path, verdict }) => ({
        path,
        verdict,
        outcome: { kind: stored.has(path) ? 'counted' : 'unreadable' },
      })),
      samples: inspection.samples,
    };
  }
  // Over the limit, only the beginning is here: with the real size the inspector checks the name, the size
  // and the format, exactly as `sohoa check` does for a file too large to parse.
  const verdict = await inspectFile(
    { name: file.name, bytes: file.bytes, size: file.size },
    fileRulesOf(campaign.settings),
    now,
  );
  const row = { path: file.name, verdict };
  if (file.truncated)
    return { rows: [{ ...row, outcome: { kind: 'too_large', limit: limits.maxFileBytes } }], samples: [] };
  if (kind === 'other') return { rows: [{ ...row, outcome: { kind: 'wrong_type' } }], samples: [] };
  return {
    rows: [{ ...row, outcome: { kind: 'counted' } }],
    samples: [{ fileName: file.name, bytes: file.bytes, verdict }],
  };
}

async function keepRows(db: Db, batchId: number, rows: readonly UploadRow[], now: Date): Promise<void> {
  await insertUploadResults(
    db,
    batchId,
    rows.map((row) => ({
      path: row.path,
      verdict: row.verdict ?? null,
      outcome: row.outcome.kind satisfies UploadOutcomeCode,
      firstReceivedAt: row.outcome.kind === 'duplicate' ? row.outcome.receivedAt : null,
    })),
    now,
  );
}

/** The commune's sample statistics after an upload. */
export type UploadStats = NonNullable<UploadCheck['stats']>;

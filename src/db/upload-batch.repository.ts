import type { Db } from './database.js';
import type { MemberRow } from './member.table.js';
import type { UnitRow } from './unit.table.js';
import type { UploadBatchRow } from './upload-batch.table.js';
import type { UploadOutcomeCode, UploadResultRow } from './upload-result.table.js';

/** A verdict an upload showed, to keep for the batch's CSV. */
export interface NewUploadResult {
  readonly path: string;
  readonly verdict: unknown;
  readonly outcome: UploadOutcomeCode;
  readonly firstReceivedAt: Date | null;
}

/** Opens a batch for a member's drop of files. */
export async function insertUploadBatch(
  db: Db,
  row: { campaignId: number; unitId: number; memberId: number; createdAt: Date },
): Promise<UploadBatchRow> {
  return db
    .insertInto('upload_batches')
    .values({
      campaign_id: row.campaignId,
      unit_id: row.unitId,
      member_id: row.memberId,
      created_at: row.createdAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A batch, only when it belongs to this member of this campaign. */
export async function findUploadBatchOf(
  db: Db,
  batchId: number,
  campaignId: number,
  memberId: number,
): Promise<UploadBatchRow | undefined> {
  return db
    .selectFrom('upload_batches')
    .selectAll()
    .where('id', '=', batchId)
    .where('campaign_id', '=', campaignId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
}

/**
 * Adds a file's bytes to its batch when the batch stays within `maxBytes`, in one statement (two files
 * of the same batch may arrive at once); false when the file would take the batch over.
 */
export async function addUploadBatchBytes(
  db: Db,
  batchId: number,
  bytes: number,
  maxBytes: number,
): Promise<boolean> {
  const row = await db
    .updateTable('upload_batches')
    .set((eb) => ({ received_bytes: eb('received_bytes', '+', bytes) }))
    .where('id', '=', batchId)
    .where((eb) => eb(eb('received_bytes', '+', bytes), '<=', maxBytes))
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Stores the verdicts an upload showed, in order. */
export async function insertUploadResults(
  db: Db,
  batchId: number,
  results: readonly NewUploadResult[],
  createdAt: Date,
): Promise<void> {
  if (results.length === 0) return;
  await db
    .insertInto('upload_results')
    .values(
      results.map((r) => ({
        batch_id: batchId,
        path: r.path,
        verdict: JSON.stringify(r.verdict),
        outcome: r.outcome,
        first_received_at: r.firstReceivedAt,
        created_at: createdAt,
      })),
    )
    .execute();
}

/** Every verdict of a batch, in the order they were stored. */
export async function listUploadResults(db: Db, batchId: number): Promise<UploadResultRow[]> {
  return db.selectFrom('upload_results').selectAll().where('batch_id', '=', batchId).orderBy('id').execute();
}

/** Deletes batches (and their results) created before `cutoff`; returns how many. */
export async function deleteUploadBatchesBefore(db: Db, campaignId: number, cutoff: Date): Promise<number> {
  const result = await db
    .deleteFrom('upload_batches')
    .where('campaign_id', '=', campaignId)
    .where('created_at', '<', cutoff)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** A member of the campaign with their unit, as the upload page needs them (any state: the caller checks). */
export async function findUploadMember(
  db: Db,
  campaignId: number,
  memberId: number,
): Promise<{ member: MemberRow; unit: UnitRow } | undefined> {
  const member = await db
    .selectFrom('members')
    .selectAll()
    .where('id', '=', memberId)
    .where('campaign_id', '=', campaignId)
    .executeTakeFirst();
  if (!member) return undefined;
  const unit = await db.selectFrom('units').selectAll().where('id', '=', member.unit_id).executeTakeFirst();
  return unit ? { member, unit } : undefined;
}

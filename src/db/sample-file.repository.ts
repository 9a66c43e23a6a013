import { sql } from 'kysely';
import type { Db } from './database.js';
import type { SampleFileRow, SampleFileTable } from './sample-file.table.js';

/** A stored sample without its bytes. */
export type SampleFileSummary = Omit<SampleFileRow, 'content'>;

/** A sample to store. */
export interface NewSampleFile {
  readonly unitId: number;
  readonly memberId: number | null;
  readonly sourceInboxId: number | null;
  readonly fileName: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly verdict: SampleFileTable['verdict'];
  readonly problems: readonly unknown[];
  /** The bytes, kept only for rejected samples and a few accepted ones; null otherwise. */
  readonly content: Buffer | null;
  readonly purgeAfter: Date | null;
  readonly receivedAt: Date;
}

/** A problem sample as listed for a coordinator, with its commune's name. */
export interface ProblemSampleRow {
  readonly id: number;
  readonly unit_id: number;
  readonly unit_name: string;
  readonly file_name: string;
  readonly verdict: SampleFileTable['verdict'];
  readonly problems: unknown[];
  readonly received_at: Date;
  readonly has_content: boolean;
}

/** Per-unit counts of checked samples. */
export interface SampleCountRow {
  readonly unit_id: number;
  readonly checked: number;
  readonly passed: number;
  readonly rejected: number;
}

const SUMMARY_COLUMNS = [
  'id',
  'unit_id',
  'member_id',
  'source_inbox_id',
  'file_name',
  'size_bytes',
  'sha256',
  'verdict',
  'problems',
  'purge_after',
  'received_at',
] as const;

/** The unit's samples with any of these hashes (without bytes). */
export async function findSamplesByHash(
  db: Db,
  unitId: number,
  hashes: readonly string[],
): Promise<SampleFileSummary[]> {
  if (hashes.length === 0) return [];
  return db
    .selectFrom('sample_files')
    .select(SUMMARY_COLUMNS)
    .where('unit_id', '=', unitId)
    .where('sha256', 'in', [...hashes])
    .execute();
}

/** How many of the unit's passed samples (accepted or with warnings) still hold their bytes. */
export async function countPassedSamplesWithContent(db: Db, unitId: number): Promise<number> {
  const row = await db
    .selectFrom('sample_files')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('unit_id', '=', unitId)
    .where('verdict', '!=', 'rejected')
    .where('content', 'is not', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Stores samples; one already stored for the unit with the same hash is skipped. Returns the new ids. */
export async function insertSampleFiles(db: Db, rows: readonly NewSampleFile[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const inserted = await db
    .insertInto('sample_files')
    .values(
      rows.map((r) => ({
        unit_id: r.unitId,
        member_id: r.memberId,
        source_inbox_id: r.sourceInboxId,
        file_name: r.fileName,
        size_bytes: r.sizeBytes,
        sha256: r.sha256,
        verdict: r.verdict,
        problems: JSON.stringify(r.problems),
        content: r.content,
        purge_after: r.purgeAfter,
        received_at: r.receivedAt,
      })),
    )
    .onConflict((oc) => oc.columns(['unit_id', 'sha256']).doNothing())
    .returning('id')
    .execute();
  return inserted.map((r) => r.id);
}

/** Counts of checked, passed (accepted or warnings) and rejected samples of each unit, in one statement. */
export async function countSamplesByUnit(db: Db, unitIds: readonly number[]): Promise<SampleCountRow[]> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .selectFrom('sample_files')
    .select((eb) => [
      'unit_id',
      eb.fn.countAll<number>().as('checked'),
      eb.fn.countAll<number>().filterWhere('verdict', '!=', 'rejected').as('passed'),
      eb.fn.countAll<number>().filterWhere('verdict', '=', 'rejected').as('rejected'),
    ])
    .where('unit_id', 'in', [...unitIds])
    .groupBy('unit_id')
    .execute();
  return rows.map((r) => ({
    unit_id: r.unit_id,
    checked: Number(r.checked),
    passed: Number(r.passed),
    rejected: Number(r.rejected),
  }));
}

/**
 * The latest samples with problems (rejected or warnings) of units in a scope: the scope unit itself,
 * its children and grandchildren (the tree has three levels).
 */
export async function listProblemSamplesInScope(
  db: Db,
  campaignId: number,
  scopeUnitId: number,
  limit: number,
): Promise<ProblemSampleRow[]> {
  const rows = await db
    .selectFrom('sample_files as s')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .leftJoin('units as p', 'p.id', 'u.parent_id')
    .select((eb) => [
      's.id',
      's.unit_id',
      'u.name as unit_name',
      's.file_name',
      's.verdict',
      's.problems',
      's.received_at',
      eb('s.content', 'is not', null).as('has_content'),
    ])
    .where('u.campaign_id', '=', campaignId)
    .where((eb) =>
      eb.or([
        eb('u.id', '=', scopeUnitId),
        eb('u.parent_id', '=', scopeUnitId),
        eb('p.parent_id', '=', scopeUnitId),
      ]),
    )
    .where('s.verdict', '!=', 'accepted')
    .orderBy('s.received_at', 'desc')
    .orderBy('s.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, has_content: Boolean(r.has_content) }));
}

/** One sample with its bytes (null once purged or when they were never kept). */
export async function findSampleFile(db: Db, id: number): Promise<SampleFileRow | undefined> {
  return db.selectFrom('sample_files').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The audit-log action of a coordinator receiving a stored sample's bytes. */
export const SAMPLE_DOWNLOAD_ACTION = 'sample.download';

/** Whether the handover of a sample asked for in this inbox update is already in the audit log. */
export async function isSampleDownloadAudited(db: Db, inboxId: number): Promise<boolean> {
  const row = await db
    .selectFrom('audit_log')
    .select('id')
    .where('action', '=', SAMPLE_DOWNLOAD_ACTION)
    .where(sql<number>`(details->>'inboxId')::bigint`, '=', inboxId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Drops the bytes of every sample whose retention ended at or before `now`; returns how many. */
export async function clearExpiredSampleContent(db: Db, now: Date): Promise<number> {
  const result = await db
    .updateTable('sample_files')
    .set({ content: null })
    .where('content', 'is not', null)
    .where('purge_after', '<=', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

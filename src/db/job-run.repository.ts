import type { Db } from './database.js';
import type { JobRunRow } from './job-run.table.js';

export type { JobRunStatus } from './job-run.table.js';

/** When another instance may take a slot over instead of leaving it to its current holder. */
export interface RetakeRules {
  /** A `running` row started before this is presumed dead (its process crashed). */
  readonly staleBefore: Date;
  /** A `failed` row is tried again while it has fewer attempts than this. */
  readonly maxAttempts: number;
  /** Also take over a `skipped` or exhausted `failed` row: an operator asked for this slot by name. */
  readonly force: boolean;
}

/**
 * Claims (job, slot) for `instance`: inserts a `running` row, or takes over a failed, stale or (forced)
 * skipped one. Each is one statement, so whatever the number of instances only one of them gets the row.
 */
export async function claimJobRun(
  db: Db,
  claim: { job: string; slot: string; instance: string; now: Date },
  rules: RetakeRules,
): Promise<JobRunRow | undefined> {
  const inserted = await db
    .insertInto('job_runs')
    .values({
      job: claim.job,
      slot: claim.slot,
      status: 'running',
      instance: claim.instance,
      started_at: claim.now,
      finished_at: null,
      outcome: null,
    })
    .onConflict((oc) => oc.columns(['job', 'slot']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return inserted;
  // Row-level locking re-checks the WHERE after a concurrent taker commits, so two takers never both win.
  return db
    .updateTable('job_runs')
    .set((eb) => ({
      status: 'running',
      instance: claim.instance,
      started_at: claim.now,
      finished_at: null,
      attempts: eb('attempts', '+', 1),
    }))
    .where('job', '=', claim.job)
    .where('slot', '=', claim.slot)
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'failed'), eb('attempts', '<', rules.maxAttempts)]),
        eb.and([eb('status', '=', 'running'), eb('started_at', '<', rules.staleBefore)]),
        ...(rules.force ? [eb('status', 'in', ['skipped', 'failed'] as const)] : []),
      ]),
    )
    .returningAll()
    .executeTakeFirst();
}

/** Records how a claimed run ended; false when another instance has taken the slot over meanwhile. */
export async function finishJobRun(
  db: Db,
  run: { id: number; instance: string; startedAt: Date },
  status: 'done' | 'failed',
  outcome: unknown,
  now: Date,
): Promise<boolean> {
  const updated = await db
    .updateTable('job_runs')
    .set({ status, finished_at: now, outcome: JSON.stringify(outcome ?? null) })
    .where('id', '=', run.id)
    .where('instance', '=', run.instance)
    .where('started_at', '=', run.startedAt)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}

/** Records a slot as skipped (missed beyond its grace window); a slot already in the ledger is left alone. */
export async function recordSkippedJobRun(
  db: Db,
  skip: { job: string; slot: string; instance: string; now: Date; outcome: unknown },
): Promise<boolean> {
  const inserted = await db
    .insertInto('job_runs')
    .values({
      job: skip.job,
      slot: skip.slot,
      status: 'skipped',
      instance: skip.instance,
      started_at: skip.now,
      finished_at: skip.now,
      outcome: JSON.stringify(skip.outcome ?? null),
    })
    .onConflict((oc) => oc.columns(['job', 'slot']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** The ledger rows of one job for the given slots. */
export async function listJobRuns(db: Db, job: string, slots: readonly string[]): Promise<JobRunRow[]> {
  if (slots.length === 0) return [];
  return db
    .selectFrom('job_runs')
    .selectAll()
    .where('job', '=', job)
    .where('slot', 'in', slots)
    .orderBy('slot')
    .execute();
}

/** One ledger row. */
export async function findJobRun(db: Db, job: string, slot: string): Promise<JobRunRow | undefined> {
  return db
    .selectFrom('job_runs')
    .selectAll()
    .where('job', '=', job)
    .where('slot', '=', slot)
    .executeTakeFirst();
}

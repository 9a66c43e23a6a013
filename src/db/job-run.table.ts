import type { Generated, Insertable, Selectable } from 'kysely';
import type { JsonColumn } from './column-types.js';

/** What a ledger row says happened to one (job, slot). */
export type JobRunStatus = 'running' | 'done' | 'failed' | 'skipped';

/** Row of `job_runs`: the ledger that makes each (job, slot) run once. */
export interface JobRunTable {
  id: Generated<number>;
  job: string;
  slot: string;
  status: JobRunStatus;
  instance: string;
  started_at: Date;
  finished_at: Date | null;
  outcome: JsonColumn<unknown> | null;
  /** Added by migration 0002: how many times the slot has been claimed, so failures retry a bounded number of times. */
  attempts: Generated<number>;
}
export type JobRunRow = Selectable<JobRunTable>;
export type NewJobRunRow = Insertable<JobRunTable>;

import type { Db } from '../db/database.js';
import {
  claimJobRun,
  findJobRun,
  finishJobRun,
  listJobRuns,
  recordSkippedJobRun,
} from '../db/job-run.repository.js';
import { countOutboxByKeyPrefix, enqueueOutbox, type NewOutboxMessage } from '../db/outbox.repository.js';
import type { JobRunRow } from '../db/job-run.table.js';
import { inTransaction } from '../db/transaction.js';

/** A failing job slot is tried this many times in all (within its grace window). */
export const MAX_JOB_ATTEMPTS = 3;
/** A run still `running` after this long is presumed to have died with its process. */
export const STALE_RUN_MS = 15 * 60_000;
/** Rows per INSERT when a job enqueues many messages. */
const ENQUEUE_CHUNK = 500;

/** Which (job, slot) an instance asks for. */
export interface SlotClaim {
  readonly job: string;
  readonly slot: string;
  readonly instance: string;
  readonly now: Date;
}

/** A claimed ledger row: this instance runs the slot. */
export type ClaimedRun = JobRunRow;

/** The outbox key prefix of everything one job run sends. */
export function jobDedupePrefix(job: string, slot: string): string {
  return `job:${job}:${slot}:`;
}

/** The dedupe key of one job message: job + slot + recipient (+ part when a recipient gets several). */
export function jobDedupeKey(
  job: string,
  slot: string,
  recipient: { platform: string; chatId: string },
  part?: number,
): string {
  return `${jobDedupePrefix(job, slot)}${recipient.platform}:${recipient.chatId}${part === undefined ? '' : `:${part}`}`;
}

/**
 * Claims a slot in the ledger, once whatever the number of instances. `force` (an operator's run-job)
 * also takes a slot recorded as skipped or failed for good; a slot done or running is never taken.
 */
export async function claimJobSlot(
  db: Db,
  claim: SlotClaim,
  force: boolean,
): Promise<ClaimedRun | undefined> {
  return claimJobRun(db, claim, {
    staleBefore: new Date(claim.now.getTime() - STALE_RUN_MS),
    maxAttempts: MAX_JOB_ATTEMPTS,
    force,
  });
}

/**
 * Writes a run's messages to the outbox and marks it done, in one transaction: either both happen or
 * neither (and the slot is then tried again). Keys already in the outbox are skipped, so a re-run sends
 * nothing new. Returns the outcome as recorded.
 */
export async function completeJobRun(
  db: Db,
  run: ClaimedRun,
  messages: readonly NewOutboxMessage[],
  outcome: Readonly<Record<string, unknown>>,
  now: Date,
): Promise<Record<string, unknown>> {
  return inTransaction(db, async (trx) => {
    let queued = 0;
    for (let i = 0; i < messages.length; i += ENQUEUE_CHUNK) {
      queued += await enqueueOutbox(trx, messages.slice(i, i + ENQUEUE_CHUNK), now);
    }
    const recorded = {
      ...outcome,
      messages: messages.length,
      queued,
      alreadyQueued: messages.length - queued,
      attempt: run.attempts,
    };
    await finishJobRun(
      trx,
      { id: run.id, instance: run.instance, startedAt: run.started_at },
      'done',
      recorded,
      now,
    );
    return recorded;
  });
}

/** Records that a claimed run threw. */
export async function failJobRun(db: Db, run: ClaimedRun, error: string, now: Date): Promise<void> {
  await finishJobRun(
    db,
    { id: run.id, instance: run.instance, startedAt: run.started_at },
    'failed',
    { errors: [error], attempt: run.attempts },
    now,
  );
}

/** Records a slot missed beyond its grace window (unless the ledger already has it). */
export async function skipJobSlot(
  db: Db,
  claim: SlotClaim,
  outcome: Readonly<Record<string, unknown>>,
): Promise<boolean> {
  return recordSkippedJobRun(db, { ...claim, outcome });
}

/** The ledger row of a slot. */
export async function findJobSlot(db: Db, job: string, slot: string): Promise<JobRunRow | undefined> {
  return findJobRun(db, job, slot);
}

/** The ledger rows of one job for the given slots, by slot. */
export async function listJobSlots(db: Db, job: string, slots: readonly string[]): Promise<JobRunRow[]> {
  return listJobRuns(db, job, slots);
}

/** How a job run's messages are doing in the outbox. */
export async function jobDeliveryCounts(
  db: Db,
  job: string,
  slot: string,
): Promise<{ pending: number; sent: number; failed: number }> {
  return countOutboxByKeyPrefix(db, jobDedupePrefix(job, slot));
}

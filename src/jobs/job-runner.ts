import type { Logger } from '../config/logger.js';
import type { Campaign } from '../domain/campaign.js';
import type { Clock } from '../domain/clock.js';
import type { Db } from '../db/database.js';
import type { JobRunStatus } from '../db/job-run.repository.js';
import {
  claimJobSlot,
  completeJobRun,
  failJobRun,
  findJobSlot,
  jobDedupeKey,
} from '../services/job-run.service.js';
import type { JobDefinition, JobSlot } from './job-definition.js';

/** What the runner needs. */
export interface JobRunnerDeps {
  readonly db: Db;
  readonly campaign: Campaign;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Names this process in the ledger. */
  readonly instance: string;
  /** Called after a run wrote new messages (wakes the sender). */
  readonly onEnqueued?: () => void;
  /** WEB_BASE_URL, when the web side is on (jobs link to the dashboard). */
  readonly webBaseUrl?: string;
}

/** How one attempt at a slot went; status data, never an exception. */
export type JobRunReport =
  | {
      readonly kind: 'ran';
      readonly job: string;
      readonly slot: JobSlot;
      readonly outcome: Record<string, unknown>;
    }
  | { readonly kind: 'failed'; readonly job: string; readonly slot: JobSlot; readonly error: string }
  /** The ledger already has the slot (done, running elsewhere, skipped, or failed for good). */
  | {
      readonly kind: 'taken';
      readonly job: string;
      readonly slot: JobSlot;
      readonly status: JobRunStatus | undefined;
      readonly outcome: unknown;
    };

/**
 * Runs one slot of a job through the ledger: claim (once across instances), let the job decide its
 * messages, then enqueue them with job + slot + recipient dedupe keys and mark the slot done together.
 */
export async function runJobSlot(
  deps: JobRunnerDeps,
  job: JobDefinition,
  slot: JobSlot,
  options: { force: boolean },
): Promise<JobRunReport> {
  const { db, campaign, clock, logger, instance } = deps;
  const now = clock.now();
  const claimed = await claimJobSlot(db, { job: job.name, slot: slot.id, instance, now }, options.force);
  if (!claimed) {
    const row = await findJobSlot(db, job.name, slot.id);
    return { kind: 'taken', job: job.name, slot, status: row?.status, outcome: row?.outcome ?? null };
  }
  try {
    const web = deps.webBaseUrl ? { webBaseUrl: deps.webBaseUrl } : {};
    const result = await job.run({ db, campaign, slot, now, logger, ...web });
    const messages = result.messages.map(({ part, ...message }) => ({
      ...message,
      dedupeKey: jobDedupeKey(job.name, slot.id, message, part),
    }));
    const outcome = await completeJobRun(db, claimed, messages, result.outcome, clock.now());
    logger.info({ job: job.name, slot: slot.id, outcome }, 'job ran');
    if (Number(outcome.queued) > 0) deps.onEnqueued?.();
    return { kind: 'ran', job: job.name, slot, outcome };
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    logger.error({ err: error, job: job.name, slot: slot.id, attempt: claimed.attempts }, 'job failed');
    await failJobRun(db, claimed, message, clock.now());
    return { kind: 'failed', job: job.name, slot, error: message };
  }
}

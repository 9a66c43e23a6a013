import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import cron from 'node-cron';
import type { Logger } from '../config/logger.js';
import type { Campaign } from '../domain/campaign.js';
import type { Clock } from '../domain/clock.js';
import type { Db } from '../db/database.js';
import { MAX_JOB_ATTEMPTS, STALE_RUN_MS, listJobSlots, skipJobSlot } from '../services/job-run.service.js';
import type { JobDefinition } from './job-definition.js';
import { ALL_JOBS } from './job-registry.js';
import { runJobSlot, type JobRunReport, type JobRunnerDeps } from './job-runner.js';
import { graceMinutesOf, jobSlots, slotAtOrBefore } from './job-slots.js';

/** What the scheduler needs. */
export interface SchedulerDeps {
  readonly db: Db;
  readonly campaign: Campaign;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Names this process in the ledger; default host:pid:random. */
  readonly instance?: string;
  readonly jobs?: readonly JobDefinition[];
  /** Called after a job wrote new messages (wakes the sender). */
  readonly onEnqueued?: () => void;
  /** WEB_BASE_URL, when the web side is on (the evening package links to the dashboard). */
  readonly webBaseUrl?: string;
}

/** What one tick did: slots it ran (or tried), and slots it recorded as skipped. */
export interface TickReport {
  readonly runs: readonly JobRunReport[];
  readonly skipped: readonly { readonly job: string; readonly slot: string }[];
}

/** A name for this process in the job ledger. */
export function defaultInstanceId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

/**
 * Decides, from the campaign clock, which job slots are due. Every tick looks at all slots up to now:
 * one not in the ledger runs if still within its grace window, else is recorded as skipped; so a tick
 * after a restart catches up what was missed while down, and a second instance finds the slot taken.
 */
export class JobScheduler {
  readonly #deps: JobRunnerDeps;
  readonly #jobs: readonly JobDefinition[];

  constructor(deps: SchedulerDeps) {
    this.#deps = { ...deps, instance: deps.instance ?? defaultInstanceId() };
    this.#jobs = deps.jobs ?? ALL_JOBS;
  }

  /** Runs every due slot of every job once (whatever other instances do). */
  async tick(): Promise<TickReport> {
    const runs: JobRunReport[] = [];
    const skipped: { job: string; slot: string }[] = [];
    for (const job of this.#jobs) {
      const result = await this.#tickJob(job);
      runs.push(...result.runs);
      skipped.push(...result.skipped);
    }
    return { runs, skipped };
  }

  /** `run-job`: the job's slot at or just before `at`, through the same ledger; undefined if none yet. */
  async runAt(job: JobDefinition, at: Date): Promise<JobRunReport | undefined> {
    const slot = slotAtOrBefore(job, this.#deps.campaign, at);
    return slot ? runJobSlot(this.#deps, job, slot, { force: true }) : undefined;
  }

  async #tickJob(job: JobDefinition): Promise<TickReport> {
    const { db, campaign, clock, instance } = this.#deps;
    const now = clock.now();
    const due = jobSlots(job, campaign).filter((slot) => slot.at.getTime() <= now.getTime());
    if (due.length === 0) return { runs: [], skipped: [] };
    const ledger = new Map(
      (
        await listJobSlots(
          db,
          job.name,
          due.map((s) => s.id),
        )
      ).map((r) => [r.slot, r]),
    );
    // The slot's own minute counts as on time, whatever the grace (ticks land a few ms after it).
    const graceMs = (graceMinutesOf(job, campaign) + 1) * 60_000;
    const runs: JobRunReport[] = [];
    const skipped: { job: string; slot: string }[] = [];
    for (const slot of due) {
      const lateMs = now.getTime() - slot.at.getTime();
      const row = ledger.get(slot.id);
      if (lateMs >= graceMs) {
        if (row) continue;
        const claim = { job: job.name, slot: slot.id, instance, now };
        if (await skipJobSlot(db, claim, { reason: 'missed', lateMinutes: Math.floor(lateMs / 60_000) })) {
          skipped.push({ job: job.name, slot: slot.id });
        }
        continue;
      }
      if (row && !retryable(row, now)) continue;
      runs.push(await runJobSlot(this.#deps, job, slot, { force: false }));
    }
    return { runs, skipped };
  }
}

function retryable(row: { status: string; attempts: number; started_at: Date }, now: Date): boolean {
  if (row.status === 'failed') return row.attempts < MAX_JOB_ATTEMPTS;
  return row.status === 'running' && row.started_at.getTime() < now.getTime() - STALE_RUN_MS;
}

/** What `startScheduler` needs; `sender` is woken when a job enqueued messages. */
export interface StartSchedulerOptions extends Omit<SchedulerDeps, 'campaign'> {
  /** One campaign's jobs… */
  readonly campaign?: Campaign;
  /** …or every served campaign's, each on its own calendar, time zone and times. */
  readonly campaigns?: readonly Campaign[];
  readonly sender?: { notify(): void };
  readonly signal: AbortSignal;
}

/**
 * Several campaigns' schedulers ticked as one: each campaign's slots are its own local times in its own
 * time zone, and its ledger keys begin with its code, so two campaigns' 16:00 never meet in the ledger
 * or in the outbox's dedupe keys. A campaign whose tick throws does not stop the others'.
 */
export class CampaignSchedulers {
  readonly #schedulers: readonly { readonly campaign: Campaign; readonly scheduler: JobScheduler }[];

  constructor(
    deps: Omit<SchedulerDeps, 'campaign'>,
    campaigns: readonly Campaign[],
    private readonly logger: Logger,
  ) {
    const instance = deps.instance ?? defaultInstanceId();
    this.#schedulers = campaigns.map((campaign) => ({
      campaign,
      scheduler: new JobScheduler({ ...deps, campaign, instance }),
    }));
  }

  /** Ticks every campaign in turn; returns each campaign's report by code. */
  async tick(): Promise<Map<string, TickReport>> {
    const reports = new Map<string, TickReport>();
    for (const { campaign, scheduler } of this.#schedulers) {
      try {
        reports.set(campaign.code, await scheduler.tick());
      } catch (error) {
        this.logger.error({ err: error, campaign: campaign.code }, 'scheduler tick failed');
      }
    }
    return reports;
  }
}

/**
 * Runs the job scheduler of every campaign until `signal` aborts: one catch-up tick at once (slots
 * missed while the service was down), then a tick every minute from node-cron. The tick reads
 * the campaign clock, so SOHOA_NOW rehearsals get their reminders at campaign time.
 */
export async function startScheduler(options: StartSchedulerOptions): Promise<void> {
  const { signal, sender, logger } = options;
  const campaigns = options.campaigns ?? (options.campaign ? [options.campaign] : []);
  const [first] = campaigns;
  if (!first) throw new Error('the scheduler needs at least one campaign');
  const scheduler = new CampaignSchedulers(
    {
      ...options,
      onEnqueued: () => {
        options.onEnqueued?.();
        sender?.notify();
      },
    },
    campaigns,
    logger,
  );
  let running: Promise<void> = Promise.resolve();
  let busy = false;
  const tick = () => {
    // A tick still running (a slow job) is not doubled; the next minute catches up anything left.
    if (busy || signal.aborted) return running;
    busy = true;
    running = scheduler
      .tick()
      .then((reports) => {
        for (const [campaign, report] of reports) {
          if (report.skipped.length > 0) {
            logger.warn({ campaign, skipped: report.skipped }, 'missed job slots skipped');
          }
        }
      })
      .catch((error: unknown) => logger.error({ err: error }, 'scheduler tick failed'))
      .finally(() => {
        busy = false;
      });
    return running;
  };
  if (signal.aborted) return;
  // Every minute: each campaign's slots are instants computed in its own zone, so one minute tick (in
  // the first campaign's zone; whole-hour offsets share minute boundaries) serves them all.
  const task = cron.schedule('* * * * *', () => tick(), {
    timezone: first.settings.timeZone,
    name: 'sohoa-jobs',
    noOverlap: true,
  });
  try {
    await tick();
    // Stopped during that first tick: a listener added now would never fire, and the service would hang.
    await new Promise<void>((resolve) => {
      if (signal.aborted) return resolve();
      signal.addEventListener('abort', () => resolve(), { once: true });
    });
  } finally {
    await task.stop();
    await task.destroy();
    await running;
  }
}

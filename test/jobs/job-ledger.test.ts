import { afterEach, expect, it } from 'vitest';
import { readCampaignFolder } from '../../src/config/campaign-folder.js';
import type { Campaign } from '../../src/domain/campaign.js';
import { ManualClock } from '../../src/domain/clock.js';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import type { JobDefinition, JobResult } from '../../src/jobs/job-definition.js';
import { JobScheduler, startScheduler } from '../../src/jobs/job-scheduler.js';
import { reportCallJob } from '../../src/jobs/report-call.job.js';
import { createLogger } from '../../src/config/logger.js';
import { QUANG_TRI_DIR } from '../support/campaign-fixture.js';
import { describeEachDatabase } from '../support/test-database.js';

const SLOT = 'quang-tri-2025:2025-03-10T16:00';

async function campaignWith(graceMinutes = 60): Promise<Campaign> {
  const { campaign } = await readCampaignFolder(QUANG_TRI_DIR);
  const reminders = { ...campaign.reminders, jobGraceMinutes: { 'nhac-bao-cao': graceMinutes } };
  return { id: 1, code: campaign.code, settings: { ...campaign, reminders } };
}

/** The afternoon job with a scripted body: it fails `failures` times, then sends to chats 1–3. */
function scriptedJob(failures = 0): JobDefinition & { runs: number } {
  const job = {
    ...reportCallJob,
    runs: 0,
    run: async (): Promise<JobResult> => {
      job.runs += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (job.runs <= failures) throw new Error(`boom ${job.runs}`);
      return {
        messages: ['1', '2', '3'].map((chatId) => ({
          platform: 'telegram',
          chatId,
          kind: 'text',
          payload: { text: 'x' },
        })),
        outcome: { units: 3, errors: [] },
      };
    },
  };
  return job;
}

describeEachDatabase('the job ledger', (database) => {
  let second: DatabaseHandle | undefined;
  afterEach(async () => {
    await second?.close();
    second = undefined;
  });
  const scheduler = (
    campaign: Campaign,
    clock: ManualClock,
    job: JobDefinition,
    instance: string,
    db = database().db,
  ) => new JobScheduler({ db, campaign, clock, logger: createLogger('silent'), instance, jobs: [job] });
  const ledger = () => database().db.selectFrom('job_runs').selectAll().orderBy('slot').execute();
  const outboxKeys = async () =>
    (await database().db.selectFrom('outbox').select('dedupe_key').orderBy('dedupe_key').execute()).map(
      (r) => r.dedupe_key,
    );

  it('runs a slot once whatever the number of instances ticking at once', async () => {
    const { target } = database();
    const campaign = await campaignWith();
    const clock = new ManualClock('2025-03-10T16:00:00+07:00');
    second = target.kind === 'server' ? await openDatabase(target) : undefined;
    const job = scriptedJob();
    const instances = ['a', 'b', 'c'].map((name, i) =>
      scheduler(campaign, clock, job, name, i === 1 && second ? second.db : database().db),
    );
    const reports = await Promise.all(instances.map((s) => s.tick()));
    const today = reports.flatMap((r) => r.runs).filter((r) => r.slot.id === SLOT);
    expect(today.filter((r) => r.kind === 'ran')).toHaveLength(1);
    expect(job.runs).toBe(1); // 1–9 March were missed before any instance started: skipped, not run
    const rows = await ledger();
    expect(rows.filter((r) => r.status === 'done').map((r) => r.slot)).toEqual([SLOT]);
    expect(rows.filter((r) => r.status === 'skipped')).toHaveLength(9);
    expect(await outboxKeys()).toEqual(['1', '2', '3'].map((c) => `job:nhac-bao-cao:${SLOT}:telegram:${c}`));
  });

  it('tries a failing slot again at the next ticks, three times in all, then leaves it failed', async () => {
    const campaign = await campaignWith();
    const clock = new ManualClock('2025-03-10T16:00:00+07:00');
    const job = scriptedJob(5);
    const s = scheduler(campaign, clock, job, 'a');
    await s.tick(); // records 1–9 March as skipped, fails today's slot
    for (let minute = 1; minute <= 4; minute++) {
      clock.advance(60_000);
      await s.tick();
    }
    expect(job.runs).toBe(3);
    const row = (await ledger()).find((r) => r.slot === SLOT);
    expect(row).toMatchObject({
      status: 'failed',
      attempts: 3,
      outcome: { errors: ['Error: boom 3'], attempt: 3 },
    });
    expect(await outboxKeys()).toEqual([]);
    // An operator's run-job takes it once more (and now it works).
    const forced = scriptedJob(0);
    const report = await scheduler(campaign, clock, forced, 'cli').runAt(forced, clock.now());
    expect(report).toMatchObject({ kind: 'ran', outcome: { queued: 3, attempt: 4 } });
  });

  it('skips a slot missed beyond its grace window; run-job can still run it, once', async () => {
    const campaign = await campaignWith(30);
    const clock = new ManualClock('2025-03-10T16:31:00+07:00');
    const job = scriptedJob();
    await scheduler(campaign, clock, job, 'a').tick();
    expect(job.runs).toBe(0);
    expect((await ledger()).find((r) => r.slot === SLOT)).toMatchObject({
      status: 'skipped',
      outcome: { reason: 'missed', lateMinutes: 31 },
    });
    const cli = scheduler(campaign, clock, job, 'cli');
    expect(await cli.runAt(job, new Date('2025-03-10T16:45:00+07:00'))).toMatchObject({
      kind: 'ran',
      slot: { id: SLOT },
    });
    expect(await cli.runAt(job, new Date('2025-03-10T16:00:00+07:00'))).toMatchObject({
      kind: 'taken',
      status: 'done',
    });
    expect(job.runs).toBe(1);
    // Before the campaign there is no slot at all.
    expect(await cli.runAt(job, new Date('2025-02-28T16:00:00+07:00'))).toBeUndefined();
  });

  it('takes over a run whose instance died mid-run, and its messages are not sent twice', async () => {
    const campaign = await campaignWith(120);
    const clock = new ManualClock('2025-03-10T16:00:00+07:00');
    const { db } = database();
    // The dead instance had claimed the slot and even enqueued its messages, but never marked it done.
    await db
      .insertInto('job_runs')
      .values({
        job: 'nhac-bao-cao',
        slot: SLOT,
        status: 'running',
        instance: 'dead',
        started_at: clock.now(),
        finished_at: null,
        outcome: null,
      })
      .execute();
    await db
      .insertInto('outbox')
      .values(
        ['1', '2'].map((c) => ({
          dedupe_key: `job:nhac-bao-cao:${SLOT}:telegram:${c}`,
          platform: 'telegram',
          chat_id: c,
          kind: 'text',
          payload: '{"text":"x"}',
          attachment: null,
          next_attempt_at: clock.now(),
          last_error: null,
          result: null,
          created_at: clock.now(),
          sent_at: null,
        })),
      )
      .execute();
    const job = scriptedJob();
    const s = scheduler(campaign, clock, job, 'a');
    clock.advance(14 * 60_000);
    await s.tick();
    expect(job.runs).toBe(0);
    clock.advance(2 * 60_000);
    await s.tick();
    expect(job.runs).toBe(1);
    expect((await ledger()).find((r) => r.slot === SLOT)).toMatchObject({
      status: 'done',
      instance: 'a',
      attempts: 2,
      outcome: { queued: 1, alreadyQueued: 2 },
    });
    expect(await outboxKeys()).toHaveLength(3);
  });

  it('startScheduler catches up at once, wakes the sender, and stops on abort', async () => {
    const campaign = await campaignWith();
    const clock = new ManualClock('2025-03-10T16:20:00+07:00');
    const stop = new AbortController();
    let notified = 0;
    const running = startScheduler({
      db: database().db,
      campaign,
      clock,
      logger: createLogger('silent'),
      instance: 'service',
      sender: { notify: () => void (notified += 1) },
      signal: stop.signal,
      jobs: [scriptedJob()],
    });
    // Waits on the ledger's state, however long a busy machine takes (the test's timeout bounds it).
    while (!(await ledger()).some((r) => r.slot === SLOT && r.status === 'done')) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    stop.abort();
    await running;
    expect((await ledger()).find((r) => r.slot === SLOT)).toMatchObject({
      status: 'done',
      instance: 'service',
    });
    expect(notified).toBe(1);
  });
});

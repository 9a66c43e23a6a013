import { channelSet } from '../channels/channel.js';
import { createTelegramChannel } from '../channels/telegram/telegram-channel.js';
import { z } from 'zod';
import type { Logger } from '../config/logger.js';
import type { Campaign } from '../domain/campaign.js';
import type { Clock } from '../domain/clock.js';
import type { Db } from '../db/database.js';
import { JOB_NAMES, type JobSlot } from '../jobs/job-definition.js';
import type { JobDefinition } from '../jobs/job-definition.js';
import { findJob } from '../jobs/job-registry.js';
import { zaloPackageJob } from '../jobs/zalo-package.job.js';
import { zaloPlatforms } from '../jobs/channel-jobs.js';
import { zaloOaConfigFrom } from '../channels/zalo-oa/zalo-oa-service.js';
import type { EnvConfig } from '../config/env-config.js';
import { resolveWebSecret } from '../services/web-media.service.js';
import type { JobRunReport } from '../jobs/job-runner.js';
import { JobScheduler } from '../jobs/job-scheduler.js';
import { OutboxSender } from '../outbox/outbox-sender.js';
import { senderOptionsFromCampaign } from '../outbox/sender-options.js';
import { cliMessages } from '../messages/cli-messages.js';
import { getCampaign } from '../services/campaign.service.js';
import { jobDeliveryCounts } from '../services/job-run.service.js';
import { UsageError, parseArgs, stringOption } from './cli-args.js';
import type { CliIo } from './cli-io.js';
import { withRuntime } from './cli-runtime.js';

const USAGE = cliMessages.runJobUsage(JOB_NAMES);
const isoInstant = z.iso.datetime({ offset: true });

type Delivery = { pending: number; sent: number; failed: number } | undefined;

/**
 * `sohoa run-job <name> [--at <ISO time>]`: runs the job's slot at or just before that time (default
 * now) through the same ledger and dedupe keys as the scheduler, so running it twice sends one batch.
 * Then, when a bot token is set, delivers what is due in the outbox (unless --no-send).
 */
export async function runJobCommand(args: string[], io: CliIo, env: NodeJS.ProcessEnv): Promise<number> {
  const parsed = parseArgs(args, ['json', 'no-send']);
  const [name, ...extra] = parsed.positionals;
  if (!name || extra.length > 0) throw new UsageError(USAGE);
  const known = findJob(name);
  const zaloPackage = name === ZALO_PACKAGE_JOB;
  if (!known && !zaloPackage) throw new UsageError(cliMessages.runJobUnknown(name, USAGE));
  const atText = stringOption(parsed, 'at');
  if (atText !== undefined && !isoInstant.safeParse(atText).success) {
    throw new UsageError(cliMessages.runJobBadAt(atText));
  }
  const campaignCode = stringOption(parsed, 'campaign');

  const result = await withRuntime(env, async ({ config, db, clock, logger }) => {
    const campaign = await getCampaign(db, campaignCode);
    const at = atText === undefined ? clock.now() : new Date(atText);
    const job = known ?? (await packageJobOf(config, db, clock));
    if (!job) throw new UsageError(cliMessages.runJobNoZalo);
    const report = await new JobScheduler({ db, campaign, clock, logger }).runAt(job, at);
    if (!report) return { job, campaign, at, report, delivery: undefined, sendNote: '' };
    let sendNote = '';
    if (parsed.options['no-send']) sendNote = cliMessages.runJobNoSend;
    // Only Telegram is delivered from here; the Zalo channels' rows wait for `sohoa start`.
    else if (zaloPackage) sendNote = cliMessages.runJobZaloLater;
    else if (!config.TELEGRAM_BOT_TOKEN) sendNote = cliMessages.runJobNoToken;
    else await deliver(db, campaign, clock, logger, config.TELEGRAM_BOT_TOKEN, config.TELEGRAM_API_ROOT);
    const delivery = await jobDeliveryCounts(db, job.name, report.slot.id);
    return { job, campaign, at, report, delivery, sendNote };
  });

  const { job, report, delivery } = result;
  if (parsed.options.json) {
    io.out(
      `${JSON.stringify({ job: job.name, at: result.at.toISOString(), report: report ?? null, delivery })}\n`,
    );
  } else if (!report) {
    const { startDate, endDate } = result.campaign.settings;
    io.out(cliMessages.runJobNoSlot(job.name, result.at.toISOString(), startDate, endDate));
  } else {
    io.out(`${describeReport(report)}\n`);
    if (delivery) io.out(`${describeDelivery(delivery)}\n`);
    if (result.sendNote) io.err(`${result.sendNote}\n`);
  }
  return report === undefined || report.kind === 'failed' ? 1 : 0;
}

async function deliver(
  db: Db,
  campaign: Campaign,
  clock: Clock,
  logger: Logger,
  token: string,
  apiRoot: string,
): Promise<void> {
  const channels = channelSet(createTelegramChannel({ token, apiRoot }));
  const sender = new OutboxSender(
    { db, channels, clock, logger },
    senderOptionsFromCampaign(campaign.settings),
  );
  await sender.drain();
}

/** The evening package on Zalo is built by the wiring (its channels, the web side's signing). */
const ZALO_PACKAGE_JOB = 'zalo-goi-ngay';

/** `zalo-goi-ngay` as `sohoa start` would build it from the same environment; none without Zalo. */
async function packageJobOf(config: EnvConfig, db: Db, clock: Clock): Promise<JobDefinition | undefined> {
  const platforms = zaloPlatforms({
    bot: config.ZALO_BOT_TOKEN !== undefined,
    oa: zaloOaConfigFrom(config) !== undefined,
  });
  if (platforms.length === 0) return undefined;
  const signing = config.WEB_BASE_URL
    ? {
        baseUrl: config.WEB_BASE_URL,
        secret: await resolveWebSecret(db, config.WEB_SECRET, clock),
      }
    : undefined;
  return zaloPackageJob({ platforms, signing });
}

function slotWords(slot: JobSlot): string {
  return cliMessages.slot(slot);
}

function describeReport(report: JobRunReport): string {
  switch (report.kind) {
    case 'ran': {
      const o = report.outcome;
      return cliMessages.runJobRan(
        report.job,
        slotWords(report.slot),
        Number(o.queued ?? 0),
        Number(o.alreadyQueued ?? 0),
        Number(o.units ?? 0),
      );
    }
    case 'taken':
      return cliMessages.runJobTaken(report.job, slotWords(report.slot), report.status);
    case 'failed':
      return cliMessages.runJobFailed(report.job, slotWords(report.slot), report.error);
  }
}

function describeDelivery(delivery: NonNullable<Delivery>): string {
  return cliMessages.runJobDelivery(delivery);
}

import { channelSet } from '../channels/channel.js';
import { createTelegramChannel } from '../channels/telegram/telegram-channel.js';
import { z } from 'zod';
import type { Logger } from '../config/logger.js';
import type { Campaign } from '../domain/campaign.js';
import type { Clock } from '../domain/clock.js';
import type { Db } from '../db/database.js';
import { JOB_NAMES, type JobSlot } from '../jobs/job-definition.js';
import { findJob } from '../jobs/job-registry.js';
import type { JobRunReport } from '../jobs/job-runner.js';
import { JobScheduler } from '../jobs/job-scheduler.js';
import { OutboxSender } from '../outbox/outbox-sender.js';
import { senderOptionsFromCampaign } from '../outbox/sender-options.js';
import { formatDate, formatNumber } from '../messages/vi-format.js';
import { getCampaign } from '../services/campaign.service.js';
import { jobDeliveryCounts } from '../services/job-run.service.js';
import { UsageError, parseArgs, stringOption } from './cli-args.js';
import type { CliIo } from './cli-io.js';
import { withRuntime } from './cli-runtime.js';

const USAGE = `Cách dùng: sohoa run-job <${JOB_NAMES.join('|')}> [--at <thời điểm ISO>] [--campaign <mã>] [--no-send] [--json]`;
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
  const job = findJob(name);
  if (!job) throw new UsageError(`Không có việc "${name}". ${USAGE}`);
  const atText = stringOption(parsed, 'at');
  if (atText !== undefined && !isoInstant.safeParse(atText).success) {
    throw new UsageError(
      `--at phải là thời điểm ISO có múi giờ, ví dụ 2025-03-10T16:00:00+07:00 (nhận "${atText}").`,
    );
  }
  const campaignCode = stringOption(parsed, 'campaign');

  const result = await withRuntime(env, async ({ config, db, clock, logger }) => {
    const campaign = await getCampaign(db, campaignCode);
    const at = atText === undefined ? clock.now() : new Date(atText);
    const report = await new JobScheduler({ db, campaign, clock, logger }).runAt(job, at);
    if (!report) return { campaign, at, report, delivery: undefined, sendNote: '' };
    let sendNote = '';
    if (parsed.options['no-send']) sendNote = 'Không gửi (--no-send): tin nằm trong hàng đợi.';
    else if (!config.TELEGRAM_BOT_TOKEN)
      sendNote = 'Chưa đặt TELEGRAM_BOT_TOKEN: tin nằm trong hàng đợi, dịch vụ `sohoa start` sẽ gửi.';
    else await deliver(db, campaign, clock, logger, config.TELEGRAM_BOT_TOKEN, config.TELEGRAM_API_ROOT);
    const delivery = await jobDeliveryCounts(db, job.name, report.slot.id);
    return { campaign, at, report, delivery, sendNote };
  });

  const { report, delivery } = result;
  if (parsed.options.json) {
    io.out(
      `${JSON.stringify({ job: job.name, at: result.at.toISOString(), report: report ?? null, delivery })}\n`,
    );
  } else if (!report) {
    io.out(
      `${job.name}: chưa có khung giờ nào đến ${result.at.toISOString()} (chiến dịch ${formatDate(result.campaign.settings.startDate)}–${formatDate(result.campaign.settings.endDate)}).\n`,
    );
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

function slotWords(slot: JobSlot): string {
  return `khung ${formatDate(slot.date)} ${slot.time}`;
}

function describeReport(report: JobRunReport): string {
  switch (report.kind) {
    case 'ran': {
      const o = report.outcome;
      return (
        `Đã chạy ${report.job}, ${slotWords(report.slot)}: ${formatNumber(Number(o.queued ?? 0))} tin mới vào hàng đợi` +
        ` (${formatNumber(Number(o.alreadyQueued ?? 0))} tin đã có từ trước), ${formatNumber(Number(o.units ?? 0))} đơn vị.`
      );
    }
    case 'taken':
      return `${report.job}, ${slotWords(report.slot)} đã có trong sổ việc (trạng thái: ${report.status ?? 'không rõ'}): không gửi thêm.`;
    case 'failed':
      return `Lỗi khi chạy ${report.job}, ${slotWords(report.slot)}: ${report.error}`;
  }
}

function describeDelivery(delivery: NonNullable<Delivery>): string {
  return `Tin của lượt này: đã gửi ${formatNumber(delivery.sent)}, lỗi ${formatNumber(delivery.failed)}, đang chờ ${formatNumber(delivery.pending)}.`;
}

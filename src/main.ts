import { once } from 'node:events';
import { createBot } from './bot/bot.js';
import { InboxProcessor } from './bot/inbox-processor.js';
import { ALLOWED_UPDATES, pollUpdates } from './bot/update-poller.js';
import { createWebhookServer } from './bot/webhook-server.js';
import { readCampaignFolder } from './config/campaign-folder.js';
import type { CliRuntime } from './cli/cli-runtime.js';
import { ConfigError } from './domain/errors.js';
import { startScheduler } from './jobs/job-scheduler.js';
import { OutboxSender } from './outbox/outbox-sender.js';
import { senderOptionsFromCampaign } from './outbox/sender-options.js';
import { loadCampaign } from './services/campaign-load.service.js';
import { getCampaign } from './services/campaign.service.js';

/** Why the service did not start, as one line for the operator. */
export const MISSING_TOKEN_MESSAGE =
  'Chưa đặt TELEGRAM_BOT_TOKEN: đặt mã bot lấy từ @BotFather (TELEGRAM_BOT_TOKEN=123456:ABC… npm start), ' +
  'hoặc chạy thử toàn bộ chiến dịch không cần mạng bằng npm run demo.';

/**
 * Wiring only: the database is open and migrated. Loads the campaign folder (idempotent), then runs the
 * update intake (long polling or webhook), the inbox processor, the outbox sender and the job scheduler
 * until `signal`.
 */
export async function runService(runtime: CliRuntime, signal: AbortSignal): Promise<void> {
  const { config, db, clock, logger } = runtime;
  const definition = await readCampaignFolder(config.CAMPAIGN_DIR);
  const loaded = await loadCampaign(db, definition, clock, 'start');
  if (loaded.created || loaded.changes.length > 0) {
    logger.info({ campaignId: loaded.campaignId, changes: loaded.changes }, 'campaign loaded');
  }
  if (!config.TELEGRAM_BOT_TOKEN) throw new ConfigError(MISSING_TOKEN_MESSAGE, 'TELEGRAM_BOT_TOKEN');
  const campaign = await getCampaign(db, definition.campaign.code);

  const bot = createBot({
    token: config.TELEGRAM_BOT_TOKEN,
    apiRoot: config.TELEGRAM_API_ROOT,
    campaign,
    clock,
    logger,
  });
  bot.botInfo = await bot.telegram.getMe();
  const sender = new OutboxSender(
    { db, telegram: bot.telegram, clock, logger },
    senderOptionsFromCampaign(campaign.settings),
  );
  const processor = new InboxProcessor({ db, bot, clock, logger, onHandled: () => sender.notify() });
  logger.info({ bot: bot.botInfo.username, campaign: campaign.code }, 'sohoa started');

  const tasks: Promise<void>[] = [
    processor.run(signal),
    sender.run(signal),
    startScheduler({ db, campaign, clock, logger, sender, signal }),
  ];
  if (config.WEBHOOK_URL && config.WEBHOOK_SECRET && config.PORT !== undefined) {
    const server = createWebhookServer({
      path: new URL(config.WEBHOOK_URL).pathname,
      secret: config.WEBHOOK_SECRET,
      db,
      clock,
      logger,
      onStored: () => processor.notify(),
    });
    server.listen(config.PORT);
    await once(server, 'listening');
    await bot.telegram.setWebhook(config.WEBHOOK_URL, {
      secret_token: config.WEBHOOK_SECRET,
      allowed_updates: [...ALLOWED_UPDATES],
    });
    tasks.push(
      new Promise<void>((resolve) =>
        signal.addEventListener('abort', () => server.close(() => resolve()), { once: true }),
      ),
    );
  } else {
    // Long polling needs the webhook off; pending updates stay queued at Telegram and are fetched next.
    await bot.telegram.deleteWebhook({ drop_pending_updates: false });
    tasks.push(
      pollUpdates({ telegram: bot.telegram, db, clock, logger, signal, onStored: () => processor.notify() }),
    );
  }
  await Promise.all(tasks);
  logger.info('sohoa stopped');
}

import { once } from 'node:events';
import { createChatBot } from './bot/chat-bot.js';
import { channelSet } from './channels/channel.js';
import { createTelegramChannel } from './channels/telegram/telegram-channel.js';
import { InboxProcessor } from './bot/inbox-processor.js';
import { ALLOWED_UPDATES, pollUpdates } from './channels/telegram/update-poller.js';
import { createWebhookServer } from './channels/telegram/webhook-server.js';
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

  const telegram = createTelegramChannel({
    token: config.TELEGRAM_BOT_TOKEN,
    apiRoot: config.TELEGRAM_API_ROOT,
  });
  telegram.botInfo = await telegram.telegram.getMe();
  const channels = channelSet(telegram);
  const sender = new OutboxSender(
    { db, channels, clock, logger },
    senderOptionsFromCampaign(campaign.settings),
  );
  const processor = new InboxProcessor({
    db,
    channels,
    bot: createChatBot({ logger }),
    campaign,
    clock,
    logger,
    onHandled: () => sender.notify(),
  });

  // Calls that must succeed happen before any loop starts: a failure here ends the process at once.
  const tasks: Promise<void>[] = [];
  if (config.WEBHOOK_URL && config.WEBHOOK_SECRET && config.PORT !== undefined) {
    // Listening first: updates Telegram sends as soon as the webhook is set are stored, not refused.
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
    tasks.push(
      new Promise<void>((resolve) =>
        signal.addEventListener('abort', () => server.close(() => resolve()), { once: true }),
      ),
    );
    try {
      await telegram.telegram.setWebhook(config.WEBHOOK_URL, {
        secret_token: config.WEBHOOK_SECRET,
        allowed_updates: [...ALLOWED_UPDATES],
      });
    } catch (error) {
      server.close();
      throw error;
    }
  } else {
    // Long polling needs the webhook off; pending updates stay queued at Telegram and are fetched next.
    await telegram.telegram.deleteWebhook({ drop_pending_updates: false });
    tasks.push(
      pollUpdates({
        telegram: telegram.telegram,
        db,
        clock,
        logger,
        signal,
        onStored: () => processor.notify(),
      }),
    );
  }
  logger.info({ bot: telegram.botInfo.username, campaign: campaign.code }, 'sohoa started');
  tasks.push(
    processor.run(signal),
    sender.run(signal),
    startScheduler({ db, campaign, clock, logger, sender, signal }),
  );
  await Promise.all(tasks);
  logger.info('sohoa stopped');
}

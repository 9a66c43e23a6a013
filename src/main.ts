import { once } from 'node:events';
import { createChatRuntime } from './bot/chat-runtime.js';
import { channelSet } from './channels/channel.js';
import { createTelegramChannel } from './channels/telegram/telegram-channel.js';
import { registerTelegramCommandMenus } from './channels/telegram/telegram-commands.js';
import { ALLOWED_UPDATES, pollUpdates } from './channels/telegram/update-poller.js';
import { createWebhookServer } from './channels/telegram/webhook-server.js';
import { readCampaignFolder } from './config/campaign-folder.js';
import type { CliRuntime } from './cli/cli-runtime.js';
import { ConfigError, ServiceFailedError } from './domain/errors.js';
import { ServiceLoops } from './service-loops.js';
import { MISSING_TOKEN_MESSAGE, startCallFailedMessage } from './messages/service-messages.js';
import { startScheduler } from './jobs/job-scheduler.js';
import { senderOptionsFromCampaign } from './outbox/sender-options.js';
import { loadCampaign } from './services/campaign-load.service.js';
import { getCampaign } from './services/campaign.service.js';

/** Why the service did not start, as one line for the operator (worded in src/messages). */
export { MISSING_TOKEN_MESSAGE };

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
  telegram.botInfo = await mustSucceed('getMe', () => telegram.telegram.getMe());
  // Cosmetic (the "/" menus): logs a warning on failure and never stops the start.
  await registerTelegramCommandMenus({
    telegram: telegram.telegram,
    db,
    campaignId: campaign.id,
    logger,
    now: clock.now(),
  });
  const channels = channelSet(telegram);
  const { processor, sender } = createChatRuntime({
    db,
    channels,
    campaign,
    clock,
    logger,
    senderOptions: senderOptionsFromCampaign(campaign.settings),
  });

  // Calls that must succeed happen before any loop starts: a failure here ends the process at once.
  // Every loop runs under one supervisor: one that stops on its own stops the others and the process.
  const loops = new ServiceLoops(signal, logger);
  if (config.WEBHOOK_URL && config.WEBHOOK_SECRET && config.PORT !== undefined) {
    // Listening first: updates Telegram sends as soon as the webhook is set are stored, not refused.
    const server = createWebhookServer({
      path: new URL(config.WEBHOOK_URL).pathname,
      secret: config.WEBHOOK_SECRET,
      db,
      clock,
      logger,
      onStored: () => processor.notify(),
      health: { alive: () => loops.alive(), running: () => loops.running() },
    });
    server.listen(config.PORT);
    await once(server, 'listening');
    try {
      await mustSucceed('setWebhook', () =>
        telegram.telegram.setWebhook(config.WEBHOOK_URL ?? '', {
          secret_token: config.WEBHOOK_SECRET,
          allowed_updates: [...ALLOWED_UPDATES],
        }),
      );
    } catch (error) {
      server.close();
      throw error;
    }
    loops.add(
      'webhook',
      new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        loops.signal.addEventListener('abort', () => server.close(() => resolve()), { once: true });
      }),
    );
  } else {
    // Long polling needs the webhook off; pending updates stay queued at Telegram and are fetched next.
    await mustSucceed('deleteWebhook', () =>
      telegram.telegram.deleteWebhook({ drop_pending_updates: false }),
    );
    loops.add(
      'poller',
      pollUpdates({
        telegram: telegram.telegram,
        db,
        clock,
        logger,
        signal: loops.signal,
        onStored: () => processor.notify(),
      }),
    );
  }
  logger.info({ bot: telegram.botInfo.username, campaign: campaign.code }, 'sohoa started');
  loops.add('processor', processor.run(loops.signal));
  loops.add('sender', sender.run(loops.signal));
  loops.add('scheduler', startScheduler({ db, campaign, clock, logger, sender, signal: loops.signal }));
  loops.markStarted();
  await loops.wait();
  logger.info('sohoa stopped');
}

/** Runs a platform call the service cannot start without; its failure becomes one readable line. */
async function mustSucceed<T>(call: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ServiceFailedError(startCallFailedMessage(call, detail), call, error);
  }
}

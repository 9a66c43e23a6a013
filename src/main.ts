import { once } from 'node:events';
import type { Server } from 'node:http';
import { createChatRuntime } from './bot/chat-runtime.js';
import { channelSet } from './channels/channel.js';
import { createTelegramChannel } from './channels/telegram/telegram-channel.js';
import { registerTelegramCommandMenus } from './channels/telegram/telegram-commands.js';
import { ALLOWED_UPDATES, pollUpdates } from './channels/telegram/update-poller.js';
import { createTelegramWebhookReceiver } from './channels/telegram/telegram-webhook-receiver.js';
import type { WebhookReceiver } from './channels/webhook-receiver.js';
import type { CliRuntime } from './cli/cli-runtime.js';
import { ConfigError, ServiceFailedError } from './domain/errors.js';
import { ServiceLoops } from './service-loops.js';
import { startZaloChannels } from './cli/zalo-channels.js';
import { MISSING_TOKEN_MESSAGE, startCallFailedMessage } from './messages/service-messages.js';
import { startScheduler } from './jobs/job-scheduler.js';
import { senderOptionsFromCampaign } from './outbox/sender-options.js';
import { loadServedCampaigns } from './services/served-campaigns.service.js';
import { createHttpServer } from './web/http-server.js';
import { createWebDeps } from './web/web-deps.js';
import { registerWebRoutes } from './web/web-routes.js';

/** Why the service did not start, as one line for the operator (worded in src/messages). */
export { MISSING_TOKEN_MESSAGE };

/**
 * Wiring only: the database is open and migrated. Loads every campaign folder (idempotent), then runs the
 * update intake (long polling or webhook), the inbox processor, the outbox sender and the job scheduler
 * until `signal`.
 */
export async function runService(runtime: CliRuntime, signal: AbortSignal): Promise<void> {
  const { config, db, clock, logger } = runtime;
  // Every campaign CAMPAIGN_DIR names; the first is the default (delivery limits, people not yet joined).
  const campaigns = await loadServedCampaigns(db, config.CAMPAIGN_DIR, clock, logger);
  if (!config.TELEGRAM_BOT_TOKEN) throw new ConfigError(MISSING_TOKEN_MESSAGE, 'TELEGRAM_BOT_TOKEN');
  const [campaign] = campaigns;

  // The web side's deps come first: a channel that sends media by URL (Zalo) signs them with `web.secret`
  // (`mediaUrl()` in src/services/web-media.service.ts).
  const web = config.WEB_BASE_URL
    ? await createWebDeps({
        db,
        clock,
        logger,
        baseUrl: config.WEB_BASE_URL,
        configuredSecret: config.WEB_SECRET,
        campaigns,
      })
    : undefined;
  const telegram = createTelegramChannel({
    token: config.TELEGRAM_BOT_TOKEN,
    apiRoot: config.TELEGRAM_API_ROOT,
  });
  telegram.botInfo = await mustSucceed('getMe', () => telegram.telegram.getMe());
  // Cosmetic (the "/" menus): logs a warning on failure and never stops the start.
  for (const served of campaigns) {
    await registerTelegramCommandMenus({
      telegram: telegram.telegram,
      db,
      campaignId: served.id,
      logger,
      now: clock.now(),
    });
  }
  // Zalo Bot and/or Zalo OA beside Telegram when their variables are set (src/cli/zalo-channels.ts).
  const zalo = await startZaloChannels({
    config,
    db,
    clock,
    logger,
    signal,
    campaigns,
    signing: web ? { baseUrl: web.baseUrl, secret: web.secret } : undefined,
    onStored: () => processor.notify(),
  });
  const channels = channelSet(telegram, ...zalo.channels);
  const { processor, sender } = createChatRuntime({
    db,
    channels,
    campaigns,
    clock,
    logger,
    senderOptions: senderOptionsFromCampaign(campaign.settings),
    ...(config.WEB_BASE_URL ? { webBaseUrl: config.WEB_BASE_URL } : {}),
  });

  // Calls that must succeed happen before any loop starts: a failure here ends the process at once.
  // Every loop runs under one supervisor: one that stops on its own stops the others and the process.
  const loops = new ServiceLoops(signal, logger);
  const webhookMode = Boolean(config.WEBHOOK_URL && config.WEBHOOK_SECRET && config.PORT !== undefined);
  // One HTTP server on PORT for every webhook receiver, /healthz, /readyz and (WEB_BASE_URL) the web side.
  const receivers: WebhookReceiver[] = [];
  if (webhookMode && config.WEBHOOK_URL && config.WEBHOOK_SECRET) {
    receivers.push(
      createTelegramWebhookReceiver({
        path: new URL(config.WEBHOOK_URL).pathname,
        secret: config.WEBHOOK_SECRET,
        db,
        clock,
        logger,
        onStored: () => processor.notify(),
      }),
    );
  }
  receivers.push(...zalo.receivers);
  let httpServer: Server | undefined;
  if ((receivers.length > 0 || web) && config.PORT !== undefined) {
    // Listening first: updates Telegram sends as soon as the webhook is set are stored, not refused.
    const { server } = createHttpServer({
      db,
      logger,
      receivers,
      health: { alive: () => loops.alive(), running: () => loops.running() },
      trustProxy: config.WEB_TRUST_PROXY,
      ...(web ? { web: (app) => registerWebRoutes(app, web) } : {}),
    });
    httpServer = server;
    server.listen(config.PORT);
    await once(server, 'listening');
    loops.add(
      'http',
      new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        loops.signal.addEventListener('abort', () => server.close(() => resolve()), { once: true });
      }),
    );
  }
  if (webhookMode) {
    try {
      await mustSucceed('setWebhook', () =>
        telegram.telegram.setWebhook(config.WEBHOOK_URL ?? '', {
          secret_token: config.WEBHOOK_SECRET,
          allowed_updates: [...ALLOWED_UPDATES],
        }),
      );
    } catch (error) {
      httpServer?.close();
      throw error;
    }
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
  // After the server listens (a Zalo webhook may deliver at once) and before the loops are started.
  try {
    for (const [name, loop] of await zalo.start(loops.signal, httpServer !== undefined))
      loops.add(name, loop);
  } catch (error) {
    // Zalo refused its webhook: nothing runs yet, and the open server would keep the process alive.
    httpServer?.close();
    throw error;
  }
  logger.info({ bot: telegram.botInfo.username, campaigns: campaigns.map((c) => c.code) }, 'sohoa started');
  loops.add('processor', processor.run(loops.signal));
  loops.add('sender', sender.run(loops.signal));
  loops.add(
    'scheduler',
    startScheduler({
      db,
      campaigns,
      clock,
      logger,
      sender,
      signal: loops.signal,
      ...(zalo.jobs ? { jobs: zalo.jobs } : {}),
      ...(config.WEB_BASE_URL ? { webBaseUrl: config.WEB_BASE_URL } : {}),
    }),
  );
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

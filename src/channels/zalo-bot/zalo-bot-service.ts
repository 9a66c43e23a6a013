import type { EnvConfig } from '../../config/env-config.js';
import type { Logger } from '../../config/logger.js';
import type { Clock } from '../../domain/clock.js';
import type { Db } from '../../db/database.js';
import type { WebhookReceiver } from '../webhook-receiver.js';
import { createZaloBotChannel, type ZaloBotChannel } from './zalo-bot-channel.js';
import type { ZaloBotMediaLinks } from './zalo-bot-media.js';
import { pollZaloBotUpdates } from './zalo-bot-poller.js';
import { ZALO_BOT_WEBHOOK_PATH, createZaloBotWebhookReceiver } from './zalo-bot-webhook-receiver.js';

/** Who the bot is, as getMe says. */
export interface ZaloBotInfo {
  readonly id: string;
  readonly account_name?: string;
}

/** The Zalo Bot channel of a running process, and how its updates come in. */
export interface ZaloBotRuntime {
  readonly channel: ZaloBotChannel;
  readonly info: ZaloBotInfo;
  /** Webhook mode: mount it on the process's HTTP server BEFORE `start()` (updates may come at once). */
  readonly receiver: WebhookReceiver | undefined;
  /**
   * Webhook mode: registers the webhook (`<WEBHOOK_URL's origin>/zalo-bot/webhook`, secret WEBHOOK_SECRET)
   * and resolves with no loop. Long polling: removes any webhook (the two are exclusive) and resolves
   * with the polling loop, which ends when `loopSignal` (default: the service's `signal`) aborts — give
   * it the loop supervisor's signal, so that a loop stopping on its own stops this one too.
   */
  start(loopSignal?: AbortSignal): Promise<{ readonly loop: Promise<void> | undefined }>;
}

/**
 * Wiring for src/main.ts: undefined when ZALO_BOT_TOKEN is not set. Checks the token with getMe (a
 * failure throws: the process must not start half-configured). Webhook mode shares WEBHOOK_URL,
 * WEBHOOK_SECRET and PORT with Telegram, on its own path.
 */
export async function createZaloBotService(deps: {
  config: Pick<EnvConfig, 'ZALO_BOT_TOKEN' | 'ZALO_BOT_API_ROOT' | 'WEBHOOK_URL' | 'WEBHOOK_SECRET' | 'PORT'>;
  db: Db;
  clock: Clock;
  logger: Logger;
  signal: AbortSignal;
  onStored: () => void;
  /** Publishes chart images at signed URLs (the web side); without it charts are announced in text. */
  media?: ZaloBotMediaLinks;
  /** Long polling's wait per call, in seconds (tests shorten it). */
  pollTimeoutSeconds?: number;
}): Promise<ZaloBotRuntime | undefined> {
  const { config, db, clock, logger, signal, onStored } = deps;
  if (!config.ZALO_BOT_TOKEN) return undefined;
  const channel = createZaloBotChannel({
    token: config.ZALO_BOT_TOKEN,
    apiRoot: config.ZALO_BOT_API_ROOT,
    ...(deps.media ? { media: deps.media } : {}),
  });
  const info = await channel.api.call<ZaloBotInfo>('getMe', {}, signal);
  const webhook =
    config.WEBHOOK_URL && config.WEBHOOK_SECRET && config.PORT !== undefined
      ? {
          url: `${new URL(config.WEBHOOK_URL).origin}${ZALO_BOT_WEBHOOK_PATH}`,
          secret: config.WEBHOOK_SECRET,
        }
      : undefined;
  const receiver = webhook
    ? createZaloBotWebhookReceiver({ secret: webhook.secret, db, clock, logger, onStored })
    : undefined;
  return {
    channel,
    info,
    receiver,
    async start(loopSignal = signal) {
      if (webhook) {
        await channel.api.call('setWebhook', { url: webhook.url, secret_token: webhook.secret }, signal);
        logger.info({ url: webhook.url }, 'Zalo Bot webhook set');
        return { loop: undefined };
      }
      await channel.api.call('deleteWebhook', {}, signal);
      const loop = pollZaloBotUpdates({
        api: channel.api,
        db,
        clock,
        logger,
        signal: loopSignal,
        onStored,
        ...(deps.pollTimeoutSeconds === undefined ? {} : { timeoutSeconds: deps.pollTimeoutSeconds }),
      });
      return { loop };
    },
  };
}

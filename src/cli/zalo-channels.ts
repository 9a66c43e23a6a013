import type { Channel } from '../channels/channel.js';
import type { WebhookReceiver } from '../channels/webhook-receiver.js';
import { signedMediaLinks } from '../channels/zalo-bot/zalo-bot-media.js';
import { createZaloBotService } from '../channels/zalo-bot/zalo-bot-service.js';
import { createZaloOaService, zaloOaConfigFrom } from '../channels/zalo-oa/zalo-oa-service.js';
import type { EnvConfig } from '../config/env-config.js';
import type { Logger } from '../config/logger.js';
import type { Campaign } from '../domain/campaign.js';
import type { Clock } from '../domain/clock.js';
import type { Db } from '../db/database.js';
import type { JobDefinition } from '../jobs/job-definition.js';
import { jobsWithZalo } from '../jobs/channel-jobs.js';
import type { MediaSigning } from '../services/web-media.service.js';

/** What the Zalo channels add to `sohoa start` (nothing at all when no Zalo variable is set). */
export interface ZaloChannels {
  readonly channels: readonly Channel[];
  /** Mounted on the process's one HTTP server (PORT) before `start`. */
  readonly receivers: readonly WebhookReceiver[];
  /** The scheduler's jobs with the Zalo ones; undefined: the default list (no Zalo channel). */
  readonly jobs: readonly JobDefinition[] | undefined;
  /**
   * Registers the Zalo Bot webhook or starts its long polling, and starts the OA's token refresher:
   * the loops to run under the supervisor, by name. `serving`: the HTTP server listens (the OA's only
   * intake is its webhook; without PORT it is told in the log and sends only).
   */
  start(signal: AbortSignal, serving: boolean): Promise<[string, Promise<void>][]>;
}

/**
 * The wiring of Zalo Bot (ZALO_BOT_TOKEN) and Zalo OA (ZALO_OA_*) for src/main.ts. The OA belongs to one
 * agency, so its token alerts go to the coordinators of the first served campaign; its inbound events
 * reach every campaign like any other channel's (the campaign is the member's). With the web side
 * (`signing`, when WEB_BASE_URL is set) Zalo Bot's images and documents go by signed addresses.
 */
export async function startZaloChannels(deps: {
  config: EnvConfig;
  db: Db;
  clock: Clock;
  logger: Logger;
  signal: AbortSignal;
  campaigns: readonly Campaign[];
  signing: MediaSigning | undefined;
  onStored: () => void;
}): Promise<ZaloChannels> {
  const { config, db, clock, logger, signal, onStored } = deps;
  const [first] = deps.campaigns;
  const bot = await createZaloBotService({
    config,
    db,
    clock,
    logger,
    signal,
    onStored,
    // Charts and documents by signed addresses of the web side; without it, announced in text.
    ...(deps.signing ? { media: signedMediaLinks(deps.signing, clock) } : {}),
  });
  const oaConfig = zaloOaConfigFrom(config);
  const oa =
    oaConfig && first
      ? createZaloOaService({
          db,
          clock,
          logger,
          campaignId: first.id,
          timeZone: first.settings.timeZone,
          config: oaConfig,
          onStored,
        })
      : undefined;
  const jobs = jobsWithZalo({ bot: bot !== undefined, oa: oa !== undefined }, deps.signing);
  return {
    channels: [...(bot ? [bot.channel] : []), ...(oa ? [oa.channel] : [])],
    receivers: [...(bot?.receiver ? [bot.receiver] : []), ...(oa ? [oa.receiver] : [])],
    jobs,
    async start(loopSignal, serving) {
      const loops: [string, Promise<void>][] = [];
      if (bot) {
        const { loop } = await bot.start(loopSignal);
        if (loop) loops.push(['zalo-bot-poller', loop]);
        logger.info({ bot: bot.info.account_name ?? bot.info.id, webhook: !loop }, 'Zalo Bot on');
      }
      if (oa) {
        if (!serving) logger.warn('Zalo OA: PORT is not set, so its webhook receives nothing (sending only)');
        loops.push(['zalo-oa-refresher', oa.runRefresher(loopSignal)]);
        logger.info({ campaign: first?.code }, 'Zalo OA on');
      }
      return loops;
    },
  };
}

import { createChatRuntime } from '../bot/chat-runtime.js';
import { channelSet, type Channel } from '../channels/channel.js';
import { createTelegramChannel, type TelegramChannel } from '../channels/telegram/telegram-channel.js';
import { signedMediaLinks } from '../channels/zalo-bot/zalo-bot-media.js';
import { createZaloBotChannel } from '../channels/zalo-bot/zalo-bot-channel.js';
import { pollZaloBotOnce } from '../channels/zalo-bot/zalo-bot-poller.js';
import { createZaloOaService, type ZaloOaService } from '../channels/zalo-oa/zalo-oa-service.js';
import type { Logger } from '../config/logger.js';
import type { Campaign } from '../domain/campaign.js';
import type { ManualClock } from '../domain/clock.js';
import type { Db } from '../db/database.js';
import type { JobDefinition } from '../jobs/job-definition.js';
import { ALL_JOBS } from '../jobs/job-registry.js';
import { jobsWithZalo } from '../jobs/channel-jobs.js';
import { JobScheduler, type TickReport } from '../jobs/job-scheduler.js';
import { setZaloOaTokens } from '../services/zalo-oa-token.service.js';
import { startLoopbackWebSide } from '../web/loopback-web-side.js';
import { startFakeBotApi, type FakeBotApi } from '../../test/support/fake-telegram/index.js';
import { startFakeZaloBot, type FakeZaloBot } from '../../test/support/fake-zalo-bot/index.js';
import { startFakeZaloOa, type FakeZaloOa } from '../../test/support/fake-zalo-oa/fake-zalo-oa.js';
import { stepUntilQuietWith, telegramPoll } from '../../test/support/step-until-quiet.js';
import type { DeliverySource } from './chat-log.js';
import { telegramDeliveries } from './telegram-deliveries.js';
import { zaloBotDeliveries, zaloOaDeliveries } from './zalo-deliveries.js';

/**
 * Telegram's flood limits are physical time; the demo plays a campaign day in seconds, so the sender's
 * limits are opened wide (the fake API enforces none). Everything else is the production sender.
 */
const COMPRESSED_TIME_LIMITS = {
  globalPerSecond: 100_000,
  perChatPerSecond: 100_000,
  perChatBurst: 100_000,
  perGroupPerMinute: 100_000,
  marginMs: 0,
};

/** Zalo's access tokens live 25 hours; the stage refreshes them as `sohoa start`'s refresher would. */
const OA_TOKEN_LIFETIME_SECONDS = 25 * 3600;

/** The province's Official Account on the stage: the fake Zalo, and the service's side of it. */
export interface DemoOa {
  readonly fake: FakeZaloOa;
  readonly service: ZaloOaService;
}

/** The real service — bot, inbox processor, outbox sender, job scheduler, web side — against local fakes. */
export interface DemoStage {
  readonly api: FakeBotApi;
  readonly channel: TelegramChannel;
  readonly zaloBot: FakeZaloBot | undefined;
  readonly zaloOa: DemoOa | undefined;
  /** The web side's address (upload page, signed media) when a Zalo channel needs it. */
  readonly webBaseUrl: string | undefined;
  /** The scheduler's jobs: the default ones, and the Zalo ones when Zalo is on. */
  readonly jobs: readonly JobDefinition[];
  /** What each fake platform received, for the transcript. */
  readonly deliveries: readonly DeliverySource[];
  /** Fetches every update users produced, handles each, and delivers every queued message. */
  settle(): Promise<void>;
  /** Runs the job slots due at the clock's time, through the same ledger as `sohoa start`. */
  tickJobs(): Promise<TickReport>;
  close(): Promise<void>;
}

/**
 * Starts the stage. It is stepped, not free-running: the demo moves the clock, lets users act, then
 * settles, so a run is deterministic and as fast as the machine allows. With `zalo.bot` the Zalo Bot
 * channel runs beside Telegram, with the web side for its images and upload links; with `zalo.oa` the
 * province's Official Account too.
 */
export async function startDemoStage(deps: {
  db: Db;
  campaign: Campaign;
  clock: ManualClock;
  logger: Logger;
  zalo: { readonly bot: boolean; readonly oa: boolean };
  /** Gives the bot other wording as the platforms receive it (tests: the demo must not depend on words). */
  rewordBotText?: (text: string) => string;
}): Promise<DemoStage> {
  const { db, campaign, clock, logger } = deps;
  const reword = deps.rewordBotText ? { rewordBotText: deps.rewordBotText } : {};
  const closers: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const closer of closers.reverse()) await closer();
  };
  try {
    const api = await startFakeBotApi({
      clock,
      botInfo: { first_name: 'Số hóa hộ tịch', username: 'sohoa_quangtri_bot' },
      ...reword,
    });
    closers.push(() => api.close());
    const channel = createTelegramChannel({ token: api.token, apiRoot: api.apiRoot });
    channel.botInfo = await channel.telegram.getMe();
    await channel.telegram.deleteWebhook({ drop_pending_updates: false });
    const channels: Channel[] = [channel];
    const deliveries: DeliverySource[] = [telegramDeliveries(api)];

    const web =
      deps.zalo.bot || deps.zalo.oa
        ? await startLoopbackWebSide({ db, clock, logger, campaigns: [campaign] })
        : undefined;
    if (web) closers.push(() => web.close());

    const zaloBot = deps.zalo.bot ? await startFakeZaloBot({ clock, ...reword }) : undefined;
    const zaloBotChannel = zaloBot
      ? createZaloBotChannel({
          token: zaloBot.token,
          apiRoot: zaloBot.apiRoot,
          ...(web ? { media: signedMediaLinks(web.signing, clock) } : {}),
        })
      : undefined;
    if (zaloBot && zaloBotChannel) {
      closers.push(() => zaloBot.close());
      channels.push(zaloBotChannel);
      deliveries.push(zaloBotDeliveries(zaloBot));
    }

    let zaloOa: DemoOa | undefined;
    if (deps.zalo.oa) {
      const fake = await startFakeZaloOa(clock);
      closers.push(() => fake.close());
      if (deps.rewordBotText) fake.state.rewordBotText = deps.rewordBotText;
      fake.state.accessTokenLifetimeSeconds = OA_TOKEN_LIFETIME_SECONDS;
      const service = createZaloOaService({
        db,
        clock,
        logger,
        campaignId: campaign.id,
        timeZone: campaign.settings.timeZone,
        config: fake.config(),
        onStored: () => undefined,
      });
      // The operator's first token, pasted with `sohoa zalo-oa token set`.
      await setZaloOaTokens(service.tokens, {
        ...fake.state.issueTokens(),
        expiresInSeconds: OA_TOKEN_LIFETIME_SECONDS,
      });
      channels.push(service.channel);
      deliveries.push(zaloOaDeliveries(fake.state));
      zaloOa = { fake, service };
    }

    const jobs =
      jobsWithZalo({ bot: zaloBot !== undefined, oa: zaloOa !== undefined }, web?.signing) ?? ALL_JOBS;
    const { processor, sender } = createChatRuntime({
      db,
      channels: channelSet(...channels),
      campaign,
      clock,
      logger,
      senderOptions: COMPRESSED_TIME_LIMITS,
      ...(web ? { webBaseUrl: web.baseUrl } : {}),
    });
    const scheduler = new JobScheduler({
      db,
      campaign,
      clock,
      logger,
      instance: 'sohoa-demo',
      jobs,
      ...(web ? { webBaseUrl: web.baseUrl } : {}),
    });

    const pollTelegram = telegramPoll({ telegram: channel.telegram, db, clock });
    const poll = async (): Promise<number> => {
      let stored = 0;
      if (zaloBot && zaloBotChannel)
        while (zaloBot.pending > 0)
          if (await pollZaloBotOnce({ api: zaloBotChannel.api, db, clock }, 0)) stored++;
      return stored + (await pollTelegram());
    };
    const step = stepUntilQuietWith({ poll, db, clock, processor, sender });
    const settle = async () => {
      // `sohoa start` checks the OA token every minute; the stage checks it whenever it steps.
      if (zaloOa) await zaloOa.service.checkToken();
      await step();
    };
    return {
      api,
      channel,
      zaloBot,
      zaloOa,
      webBaseUrl: web?.baseUrl,
      jobs,
      deliveries,
      settle,
      tickJobs: () => scheduler.tick(),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

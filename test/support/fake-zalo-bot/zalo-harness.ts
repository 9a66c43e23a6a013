import { createChatRuntime } from '../../../src/bot/chat-runtime.js';
import { channelSet, type Channel } from '../../../src/channels/channel.js';
import {
  createTelegramChannel,
  type TelegramChannel,
} from '../../../src/channels/telegram/telegram-channel.js';
import {
  createZaloBotChannel,
  type ZaloBotChannel,
} from '../../../src/channels/zalo-bot/zalo-bot-channel.js';
import type { ZaloBotMediaLinks } from '../../../src/channels/zalo-bot/zalo-bot-media.js';
import { pollZaloBotOnce } from '../../../src/channels/zalo-bot/zalo-bot-poller.js';
import { createLogger } from '../../../src/config/logger.js';
import type { ManualClock } from '../../../src/domain/clock.js';
import type { Campaign } from '../../../src/domain/campaign.js';
import type { Db } from '../../../src/db/database.js';
import type { InboxProcessor } from '../../../src/bot/inbox-processor.js';
import type { OutboxSender } from '../../../src/outbox/outbox-sender.js';
import { getCampaign } from '../../../src/services/campaign.service.js';
import { startFakeBotApi, type FakeBotApi } from '../fake-telegram/index.js';
import { stepUntilQuietWith, telegramPoll } from '../step-until-quiet.js';
import { startFakeZaloBot, type FakeZaloBot } from './fake-zalo-bot.js';
import { MediaHost } from './media-host.js';

/** The real bot with the Zalo Bot channel (and, when asked, Telegram beside it) against the fakes. */
export interface ZaloHarness {
  readonly zalo: FakeZaloBot;
  readonly zaloChannel: ZaloBotChannel;
  readonly media: MediaHost;
  /** Set when started with `telegram: true`. */
  readonly telegram: FakeBotApi | undefined;
  readonly telegramChannel: TelegramChannel | undefined;
  readonly campaign: Campaign;
  readonly processor: InboxProcessor;
  readonly sender: OutboxSender;
  /**
   * Fetches every waiting update of both fakes into the inbox, handles them and delivers every reply,
   * until nothing is due (decided on state; the clock moves only to where the rate limits open).
   */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** Starts the harness on a database that already has a campaign loaded. */
export async function startZaloHarness(
  db: Db,
  clock: ManualClock,
  options: {
    telegram?: boolean;
    media?: boolean;
    /** The bot's WEB_BASE_URL (the upload link) and, with it, the web side's media links. */
    webBaseUrl?: string;
    mediaLinks?: ZaloBotMediaLinks;
  } = {},
): Promise<ZaloHarness> {
  const zalo = await startFakeZaloBot({ clock });
  const media = await new MediaHost().listen();
  const zaloChannel = createZaloBotChannel({
    token: zalo.token,
    apiRoot: zalo.apiRoot,
    ...(options.mediaLinks ? { media: options.mediaLinks } : options.media === false ? {} : { media }),
  });
  const telegram = options.telegram ? await startFakeBotApi({ clock }) : undefined;
  const telegramChannel = telegram
    ? createTelegramChannel({ token: telegram.token, apiRoot: telegram.apiRoot, botInfo: telegram.botInfo })
    : undefined;
  const campaign = await getCampaign(db);
  const channels: Channel[] = telegramChannel ? [telegramChannel, zaloChannel] : [zaloChannel];
  const { processor, sender } = createChatRuntime({
    db,
    channels: channelSet(...channels),
    campaign,
    clock,
    logger: createLogger('silent'),
    senderOptions: { backoffMs: 1 },
    ...(options.webBaseUrl ? { webBaseUrl: options.webBaseUrl } : {}),
  });
  const pollTelegram = telegramChannel
    ? telegramPoll({ telegram: telegramChannel.telegram, db, clock })
    : () => Promise.resolve(0);
  const poll = async (): Promise<number> => {
    let stored = 0;
    while (zalo.pending > 0) {
      if (await pollZaloBotOnce({ api: zaloChannel.api, db, clock }, 0)) stored++;
    }
    return stored + (await pollTelegram());
  };
  const settle = stepUntilQuietWith({ poll, db, clock, processor, sender });
  return {
    zalo,
    zaloChannel,
    media,
    telegram,
    telegramChannel,
    campaign,
    processor,
    sender,
    settle,
    close: async () => {
      await zalo.close();
      await media.close();
      await telegram?.close();
    },
  };
}

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
import { ManualClock } from '../../../src/domain/clock.js';
import type { Campaign } from '../../../src/domain/campaign.js';
import type { Db } from '../../../src/db/database.js';
import type { Role } from '../../../src/domain/role.js';
import type { InboxProcessor } from '../../../src/bot/inbox-processor.js';
import type { OutboxSender } from '../../../src/outbox/outbox-sender.js';
import { getCampaign } from '../../../src/services/campaign.service.js';
import { inviteCode, loadQuangTri } from '../campaign-fixture.js';
import { startFakeBotApi, type FakeBotApi, type UserLike } from '../fake-telegram/index.js';
import { stepUntilQuietWith, telegramPoll } from '../step-until-quiet.js';
import { testChatRuntime } from '../test-chat-runtime.js';
import { startFakeZaloBot, type FakeZaloBot, type ZaloUser } from './fake-zalo-bot.js';
import { MediaHost } from './media-host.js';

/** The real bot with the Zalo Bot channel (and, when asked, Telegram beside it) against the fakes. */
export interface ZaloHarness {
  readonly db: Db;
  readonly clock: ManualClock;
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
  /** A person writes a text on Zalo; returns the last text the bot sent them. */
  say(from: ZaloUser, text: string): Promise<string>;
  /** A person writes a text on Telegram (started with `telegram: true`); returns the bot's last text to them. */
  telegramSay(from: UserLike, text: string): Promise<string>;
  /** A fresh single-use invite code to a unit of the campaign. */
  invite(unitCode: string, role?: Role): Promise<string>;
  /** A person joins a unit on Zalo with a fresh invite, typed in words; returns the bot's answer. */
  join(user: ZaloUser, unitCode: string, role?: Role): Promise<string>;
  close(): Promise<void>;
}

/** Options of {@link startZaloHarness}. */
export interface ZaloHarnessOptions {
  telegram?: boolean;
  media?: boolean;
  /** The bot's WEB_BASE_URL (the upload link) and, with it, the web side's media links. */
  webBaseUrl?: string;
  mediaLinks?: ZaloBotMediaLinks;
}

/** Loads Quảng Trị into an empty database and starts the harness on a clock at `at`. */
export async function startZaloChat(
  db: Db,
  options: ZaloHarnessOptions & { at?: string } = {},
): Promise<ZaloHarness> {
  const { at = '2025-03-10T09:00:00+07:00', ...harnessOptions } = options;
  const clock = new ManualClock(at);
  await loadQuangTri(db);
  return startZaloHarness(db, clock, harnessOptions);
}

/** Starts the harness on a database that already has a campaign loaded. */
export async function startZaloHarness(
  db: Db,
  clock: ManualClock,
  options: ZaloHarnessOptions = {},
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
  const { processor, sender } = testChatRuntime({
    db,
    clock,
    channels: telegramChannel ? [telegramChannel, zaloChannel] : [zaloChannel],
    campaigns: [campaign],
    webBaseUrl: options.webBaseUrl,
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
  const say = async (from: ZaloUser, text: string) => {
    await zalo.sendText(from, text);
    await settle();
    return zalo.lastTextTo(from.id);
  };
  const telegramSay = async (from: UserLike, text: string) => {
    if (!telegram) throw new Error('the harness was started without Telegram');
    telegram.sendText(from, text);
    await settle();
    const last = telegram.lastMessageTo(from.id);
    return last && 'text' in last ? last.text : '';
  };
  const invite = (unitCode: string, role: Role = 'reporter') =>
    inviteCode(db, clock, campaign.id, unitCode, role);
  const join = async (user: ZaloUser, unitCode: string, role: Role = 'reporter') =>
    say(user, `Bắt đầu ${await invite(unitCode, role)}`);
  return {
    db,
    clock,
    zalo,
    zaloChannel,
    media,
    telegram,
    telegramChannel,
    campaign,
    processor,
    sender,
    settle,
    say,
    telegramSay,
    invite,
    join,
    close: async () => {
      await zalo.close();
      await media.close();
      await telegram?.close();
    },
  };
}

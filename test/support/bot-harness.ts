import { createChatRuntime } from '../../src/bot/chat-runtime.js';
import { channelSet } from '../../src/channels/channel.js';
import { createTelegramChannel, type TelegramChannel } from '../../src/channels/telegram/telegram-channel.js';
import type { InboxProcessor } from '../../src/bot/inbox-processor.js';
import { stepUntilQuiet } from './step-until-quiet.js';
import { createLogger } from '../../src/config/logger.js';
import type { Campaign } from '../../src/domain/campaign.js';
import type { ManualClock } from '../../src/domain/clock.js';
import type { Db } from '../../src/db/database.js';
import { FakeBotApi, startFakeBotApi } from './fake-telegram/index.js';
import type { OutboxSender } from '../../src/outbox/outbox-sender.js';
import { getCampaign } from '../../src/services/campaign.service.js';

/** The real bot, inbox processor and sender against the fake Bot API, stepped by the test. */
export interface BotHarness {
  readonly api: FakeBotApi;
  /** The Telegram channel (its `telegram` client talks to the fake API). */
  readonly channel: TelegramChannel;
  /** The default campaign (the only one, unless the harness serves several). */
  readonly campaign: Campaign;
  /** Every campaign the harness serves, the default first. */
  readonly campaigns: readonly Campaign[];
  readonly processor: InboxProcessor;
  readonly sender: OutboxSender;
  /** Fetches every injected update into the inbox, handles them, and delivers every reply. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts a harness on a database that already has a campaign loaded: that campaign (the most recent), or
 * the campaigns `options.campaigns` names by code (the default first), as one deployment serving several.
 */
export async function startBotHarness(
  db: Db,
  clock: ManualClock,
  options: { webBaseUrl?: string; campaigns?: readonly string[] } = {},
): Promise<BotHarness> {
  const api = await startFakeBotApi({ clock });
  const campaigns = options.campaigns
    ? await Promise.all(options.campaigns.map((code) => getCampaign(db, code)))
    : [await getCampaign(db)];
  const [campaign] = campaigns;
  if (!campaign) throw new Error('the harness needs a campaign');
  const logger = createLogger('silent');
  const channel = createTelegramChannel({ token: api.token, apiRoot: api.apiRoot, botInfo: api.botInfo });
  const channels = channelSet(channel);
  const { processor, sender } = createChatRuntime({
    db,
    channels,
    campaigns,
    clock,
    logger,
    senderOptions: { backoffMs: 1 },
    ...(options.webBaseUrl === undefined ? {} : { webBaseUrl: options.webBaseUrl }),
  });
  return {
    api,
    channel,
    campaign,
    campaigns,
    processor,
    sender,
    settle: stepUntilQuiet({ telegram: channel.telegram, db, clock, processor, sender }),
    close: () => api.close(),
  };
}

/** The text of the last message a chat received (its current text after edits), or ''. */
export function lastText(api: FakeBotApi, chatId: number): string {
  const message = api.lastMessageTo(chatId);
  return message && 'text' in message ? message.text : '';
}

/** The inline keyboard of the last message a chat received, as JSON text ('' when none). */
export function lastMarkup(api: FakeBotApi, chatId: number): string {
  const message = api.lastMessageTo(chatId);
  return message && 'reply_markup' in message ? JSON.stringify(message.reply_markup) : '';
}

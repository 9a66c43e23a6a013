import type { Message } from 'telegraf/types';
import { createTelegramChannel, type TelegramChannel } from '../../src/channels/telegram/telegram-channel.js';
import type { InboxProcessor } from '../../src/bot/inbox-processor.js';
import { testChatRuntime } from './test-chat-runtime.js';
import { stepUntilQuiet } from './step-until-quiet.js';
import type { Campaign } from '../../src/domain/campaign.js';
import type { ManualClock } from '../../src/domain/clock.js';
import type { Db } from '../../src/db/database.js';
import { FakeBotApi, startFakeBotApi, type UserLike } from './fake-telegram/index.js';
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
  const channel = createTelegramChannel({ token: api.token, apiRoot: api.apiRoot, botInfo: api.botInfo });
  const { processor, sender } = testChatRuntime({
    db,
    clock,
    channels: [channel],
    campaigns,
    webBaseUrl: options.webBaseUrl,
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

/** A message's text, or its caption (a photo, a document), or ''. */
export function textOf(message: Message | undefined): string {
  if (!message) return '';
  if ('text' in message) return message.text;
  return 'caption' in message ? (message.caption ?? '') : '';
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

/** Sends a text from `from`, settles everything, and returns the last text `from` received. */
export async function sayThrough(harness: BotHarness, from: UserLike, text: string): Promise<string> {
  harness.api.sendText(from, text);
  await harness.settle();
  return lastText(harness.api, from.id);
}

/** Presses the button of `from`'s last message whose data starts with `prefix` (e.g. 'rh:a'), settles. */
export async function pressThrough(harness: BotHarness, from: UserLike, prefix: string): Promise<string> {
  const message = harness.api.lastMessageTo(from.id);
  const data = lastMarkup(harness.api, from.id).match(new RegExp(`"(${prefix}[^"]*)"`))?.[1];
  if (!message || !data) throw new Error(`no button ${prefix}`);
  harness.api.pressButton(from, message, data);
  await harness.settle();
  return lastText(harness.api, from.id);
}

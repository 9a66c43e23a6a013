import type { Telegraf } from 'telegraf';
import { createBot } from '../../src/bot/bot.js';
import type { SohoaContext } from '../../src/bot/bot-context.js';
import { InboxProcessor } from '../../src/bot/inbox-processor.js';
import { stepUntilQuiet } from './step-until-quiet.js';
import { createLogger } from '../../src/config/logger.js';
import type { Campaign } from '../../src/domain/campaign.js';
import type { ManualClock } from '../../src/domain/clock.js';
import type { Db } from '../../src/db/database.js';
import { FakeBotApi, startFakeBotApi } from './fake-telegram/index.js';
import { OutboxSender } from '../../src/outbox/outbox-sender.js';
import { getCampaign } from '../../src/services/campaign.service.js';

/** The real bot, inbox processor and sender against the fake Bot API, stepped by the test. */
export interface BotHarness {
  readonly api: FakeBotApi;
  readonly bot: Telegraf<SohoaContext>;
  readonly campaign: Campaign;
  readonly processor: InboxProcessor;
  readonly sender: OutboxSender;
  /** Fetches every injected update into the inbox, handles them, and delivers every reply. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** Starts a harness on a database that already has a campaign loaded. */
export async function startBotHarness(db: Db, clock: ManualClock): Promise<BotHarness> {
  const api = await startFakeBotApi({ clock });
  const campaign = await getCampaign(db);
  const logger = createLogger('silent');
  const bot = createBot({
    token: api.token,
    apiRoot: api.apiRoot,
    campaign,
    clock,
    logger,
    botInfo: api.botInfo,
  });
  const processor = new InboxProcessor({ db, bot, clock, logger });
  const sender = new OutboxSender({ db, telegram: bot.telegram, clock, logger }, { backoffMs: 1 });
  return {
    api,
    bot,
    campaign,
    processor,
    sender,
    settle: stepUntilQuiet({ telegram: bot.telegram, db, clock, processor, sender }),
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

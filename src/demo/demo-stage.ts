import { createChatBot } from '../bot/chat-bot.js';
import { channelSet } from '../channels/channel.js';
import { createTelegramChannel, type TelegramChannel } from '../channels/telegram/telegram-channel.js';
import { stepUntilQuiet } from '../../test/support/step-until-quiet.js';
import { InboxProcessor } from '../bot/inbox-processor.js';
import type { Logger } from '../config/logger.js';
import type { Campaign } from '../domain/campaign.js';
import type { ManualClock } from '../domain/clock.js';
import type { Db } from '../db/database.js';
import { startFakeBotApi, type FakeBotApi } from '../../test/support/fake-telegram/index.js';
import { JobScheduler, type TickReport } from '../jobs/job-scheduler.js';
import { OutboxSender } from '../outbox/outbox-sender.js';

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

/** The real service — bot, inbox processor, outbox sender, job scheduler — against a local fake Telegram. */
export interface DemoStage {
  readonly api: FakeBotApi;
  readonly channel: TelegramChannel;
  /** Fetches every update users produced, handles each, and delivers every queued message. */
  settle(): Promise<void>;
  /** Runs the job slots due at the clock's time, through the same ledger as `sohoa start`. */
  tickJobs(): Promise<TickReport>;
  close(): Promise<void>;
}

/**
 * Starts the stage. It is stepped, not free-running: the demo moves the clock, lets users act, then
 * settles, so a run is deterministic and as fast as the machine allows.
 */
export async function startDemoStage(deps: {
  db: Db;
  campaign: Campaign;
  clock: ManualClock;
  logger: Logger;
  /** Gives the bot other wording as Telegram receives it (tests: the demo must not depend on words). */
  rewordBotText?: (text: string) => string;
}): Promise<DemoStage> {
  const { db, campaign, clock, logger } = deps;
  const api = await startFakeBotApi({
    clock,
    botInfo: { first_name: 'Số hóa hộ tịch', username: 'sohoa_quangtri_bot' },
    ...(deps.rewordBotText ? { rewordBotText: deps.rewordBotText } : {}),
  });
  try {
    const channel = createTelegramChannel({ token: api.token, apiRoot: api.apiRoot });
    channel.botInfo = await channel.telegram.getMe();
    await channel.telegram.deleteWebhook({ drop_pending_updates: false });
    const channels = channelSet(channel);
    const bot = createChatBot({ logger });
    const processor = new InboxProcessor({ db, channels, bot, campaign, clock, logger });
    const sender = new OutboxSender({ db, channels, clock, logger }, COMPRESSED_TIME_LIMITS);
    const scheduler = new JobScheduler({ db, campaign, clock, logger, instance: 'sohoa-demo' });
    return {
      api,
      channel,
      settle: stepUntilQuiet({ telegram: channel.telegram, db, clock, processor, sender }),
      tickJobs: () => scheduler.tick(),
      close: () => api.close(),
    };
  } catch (error) {
    await api.close();
    throw error;
  }
}

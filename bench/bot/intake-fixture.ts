// What the intake and routing benchmarks share: the processor wired without a Bot API server, the
// Telegram updates they store, and the measured rounds of reports.
import { performance } from 'node:perf_hooks';
import { createChatBot } from '../../src/bot/chat-bot.js';
import { InboxProcessor } from '../../src/bot/inbox-processor.js';
import { channelSet } from '../../src/channels/channel.js';
import { createTelegramChannel } from '../../src/channels/telegram/telegram-channel.js';
import { createLogger } from '../../src/config/logger.js';
import type { Campaign } from '../../src/domain/campaign.js';
import type { ManualClock } from '../../src/domain/clock.js';
import type { Db } from '../../src/db/database.js';
import { insertInboxUpdate } from '../../src/db/inbox.repository.js';

const BOT = { id: 777, is_bot: true, first_name: 'Sohoa', username: 'sohoa_bot' } as const;

/** The first reporter's Telegram user id; reporter `index` is FIRST_USER_ID + index. */
export const FIRST_USER_ID = 10_000;

/** The processor over stored updates, and a way to store the next one. */
export interface BenchIntake {
  /** Stores a text update from a user, under the next update id. */
  store(userId: number, text: string): Promise<unknown>;
  /** Handles the oldest pending update; false when there was none. */
  handleNext(): Promise<boolean>;
}

/**
 * The one place that wires the processor (kept small: src/bot is where it changes). No Bot API server is
 * needed: a text update's handling never calls the platform; replies only go to the outbox.
 */
export function createBenchIntake(db: Db, campaigns: readonly Campaign[], clock: ManualClock): BenchIntake {
  const logger = createLogger('silent');
  const channel = createTelegramChannel({
    token: '1:bench',
    apiRoot: 'http://127.0.0.1:9',
    botInfo: BOT as never,
  });
  const processor = new InboxProcessor({
    db,
    channels: channelSet(channel),
    bot: createChatBot({ logger }),
    campaigns,
    clock,
    logger,
  });
  let updateId = 1;
  return {
    store: (userId, text) =>
      insertInboxUpdate(db, {
        platform: 'telegram',
        update_id: updateId,
        received_at: clock.now(),
        payload: textUpdate(updateId++, userId, text),
      }),
    handleNext: () => processor.processOne(),
  };
}

/** A private-chat text update as Telegram sends it (a leading /command carries its entity). */
export function textUpdate(updateId: number, userId: number, text: string) {
  const command = /^\/\w+/.exec(text)?.[0];
  const from = { id: userId, is_bot: false, first_name: `Cán bộ ${userId}`, language_code: 'vi' };
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: 1_741_572_000,
      chat: { id: userId, type: 'private', first_name: from.first_name },
      from,
      text,
      ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command.length }] } : {}),
    },
  };
}

/**
 * The measured part: each of `reporters` sends `rounds` cumulative reports, each stored then handled at
 * once. Returns how many were handled and in how many seconds.
 */
export async function timeReportRounds(
  intake: BenchIntake,
  reporters: number,
  rounds: number,
): Promise<{ updates: number; seconds: number }> {
  const started = performance.now();
  let updates = 0;
  for (let round = 1; round <= rounds; round += 1) {
    for (let index = 0; index < reporters; index += 1) {
      const scanned = 200 * round + index;
      await intake.store(
        FIRST_USER_ID + index,
        `/baocao so ${round + 1} scan ${scanned} nhap ${scanned - 50} dinhkem ${scanned - 100}`,
      );
      if (!(await intake.handleNext())) throw new Error('the processor found no pending update');
      updates += 1;
    }
  }
  return { updates, seconds: (performance.now() - started) / 1000 };
}

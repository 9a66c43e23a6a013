import { channelSet } from '../../src/channels/channel.js';
import { createTelegramChannel } from '../../src/channels/telegram/telegram-channel.js';
import { createLogger } from '../../src/config/logger.js';
import type { ManualClock } from '../../src/domain/clock.js';
import type { Db } from '../../src/db/database.js';
import { enqueueOutbox, nextOutboxDueAt, type NewOutboxMessage } from '../../src/db/outbox.repository.js';
import type { FakeBotApi } from '../support/fake-telegram/index.js';
import { OutboxSender } from '../../src/outbox/outbox-sender.js';
import type { SenderOptions } from '../../src/outbox/sender-options.js';
import { drainOnManualTime } from '../support/manual-time-drain.js';

/** Limits high enough that a test is never held up by them (the tests of the limits set their own). */
export const UNLIMITED: Partial<SenderOptions> = {
  globalPerSecond: 10_000,
  perChatPerSecond: 10_000,
  perChatBurst: 100,
  perGroupPerMinute: 10_000,
  backoffMs: 1000,
};

/** A sender for the fake API. */
export function senderFor(
  db: Db,
  api: FakeBotApi,
  clock: ManualClock,
  options: Partial<SenderOptions> = UNLIMITED,
): OutboxSender {
  const channels = channelSet(createTelegramChannel({ token: api.token, apiRoot: api.apiRoot }));
  return new OutboxSender({ db, channels, clock, logger: createLogger('silent') }, options);
}

/** Private chats 1001, 1002, … known to the fake. */
export function registerPrivateChats(api: FakeBotApi, count: number, first = 1001): number[] {
  return Array.from({ length: count }, (_, i) => {
    const id = first + i;
    api.registerChat({ id, type: 'private', first_name: `U${id}` });
    return id;
  });
}

/** `perChat` numbered texts to each chat, enqueued in chat-interleaved order. */
export async function enqueueTexts(
  db: Db,
  chats: readonly number[],
  perChat: number,
  now: Date,
  prefix = 'm',
): Promise<NewOutboxMessage[]> {
  const messages: NewOutboxMessage[] = [];
  for (let n = 1; n <= perChat; n++) {
    for (const chat of chats) {
      messages.push({
        dedupeKey: `${prefix}:${chat}:${n}`,
        platform: 'telegram',
        chatId: String(chat),
        kind: 'text',
        payload: { text: `${prefix} ${n} → ${chat}` },
      });
    }
  }
  for (let i = 0; i < messages.length; i += 500) await enqueueOutbox(db, messages.slice(i, i + 500), now);
  return messages;
}

/**
 * Drains on the manual clock (moving it whenever the senders only wait for their limits), then moves it
 * to the next retry each time, until nothing is pending.
 */
export async function deliverEverything(
  db: Db,
  senders: readonly OutboxSender[],
  clock: ManualClock,
  maxRounds = 200,
): Promise<void> {
  for (let round = 0; round < maxRounds; round++) {
    await Promise.all(senders.map((s) => drainOnManualTime(s, clock)));
    const due = await nextOutboxDueAt(db);
    if (!due) return;
    if (due.getTime() > clock.now().getTime()) clock.set(due);
  }
  throw new Error(`outbox still pending after ${maxRounds} rounds`);
}

/** Outbox rows by status. */
export async function outboxStatusCounts(db: Db): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('outbox')
    .select((eb) => ['status', eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** When each sent row was recorded as sent, in milliseconds on the test's clock, in order. */
export async function sentTimes(db: Db): Promise<number[]> {
  const rows = await db
    .selectFrom('outbox')
    .select('sent_at')
    .where('status', '=', 'sent')
    .orderBy('sent_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.sent_at?.getTime() ?? Number.NaN);
}

/** The most sends in any window of `windowMs` (sliding, both ends inclusive of the first send). */
export function mostInWindow(times: readonly number[], windowMs: number): number {
  let most = 0;
  let from = 0;
  for (let to = 0; to < times.length; to++) {
    while ((times[to] ?? 0) - (times[from] ?? 0) >= windowMs) from += 1;
    most = Math.max(most, to - from + 1);
  }
  return most;
}

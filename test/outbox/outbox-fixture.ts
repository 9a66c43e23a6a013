import { Telegram } from 'telegraf';
import { createLogger } from '../../src/config/logger.js';
import type { ManualClock } from '../../src/domain/clock.js';
import type { Db } from '../../src/db/database.js';
import { enqueueOutbox, nextOutboxDueAt, type NewOutboxMessage } from '../../src/db/outbox.repository.js';
import type { FakeBotApi } from '../support/fake-telegram/index.js';
import { OutboxSender } from '../../src/outbox/outbox-sender.js';
import type { SenderOptions } from '../../src/outbox/sender-options.js';

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
  const telegram = new Telegram(api.token, { apiRoot: api.apiRoot, webhookReply: false });
  return new OutboxSender({ db, telegram, clock, logger: createLogger('silent') }, options);
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

/** Drains, moving the manual clock to the next retry each time, until nothing is pending. */
export async function deliverEverything(
  db: Db,
  senders: readonly OutboxSender[],
  clock: ManualClock,
  maxRounds = 200,
): Promise<void> {
  for (let round = 0; round < maxRounds; round++) {
    await Promise.all(senders.map((s) => s.drain()));
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

import { afterEach, expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import { startFakeBotApi, type FakeBotApi } from '../support/fake-telegram/index.js';
import { describeEachDatabase } from '../support/test-database.js';
import {
  deliverEverything,
  enqueueTexts,
  outboxStatusCounts,
  registerPrivateChats,
  senderFor,
} from './outbox-fixture.js';

describeEachDatabase('the sender within Telegram limits', (database) => {
  let api: FakeBotApi | undefined;
  afterEach(async () => {
    await api?.close();
  });

  it('keeps under 30 messages a second against a fake that enforces it', async () => {
    const { db } = database();
    const clock = new ManualClock('2025-03-10T16:00:00+07:00');
    api = await startFakeBotApi({ rateLimit: { globalPerSecond: 30 } });
    const chats = registerPrivateChats(api, 75);
    await enqueueTexts(db, chats, 1, clock.now());
    const started = performance.now();
    await deliverEverything(db, [senderFor(db, api, clock, {})], clock);
    const seconds = (performance.now() - started) / 1000;
    expect(await outboxStatusCounts(db)).toEqual({ sent: 75 });
    expect(api.stats().tooManyRequests).toBeLessThanOrEqual(2);
    // 75 at 30/s: the first 30 at once, the rest paced over two more seconds.
    expect(seconds).toBeGreaterThan(1.9);
    expect(seconds).toBeLessThan(6);
  });

  it('gives a private chat a short burst, then one message a second', async () => {
    const { db } = database();
    const clock = new ManualClock('2025-03-10T16:00:00+07:00');
    api = await startFakeBotApi();
    registerPrivateChats(api, 1);
    await enqueueTexts(db, [1001], 5, clock.now());
    await deliverEverything(db, [senderFor(db, api, clock, { perChatBurst: 3 })], clock);
    const times = api.sent.filter((c) => c.ok).map((c) => c.at);
    expect(times).toHaveLength(5);
    const first = times[0] ?? 0;
    expect((times[2] ?? 0) - first).toBeLessThan(500);
    expect((times[3] ?? 0) - first).toBeGreaterThanOrEqual(950);
    expect((times[4] ?? 0) - first).toBeGreaterThanOrEqual(1950);
  });

  it('puts a group message back in the queue when the group has had its 20 this minute', async () => {
    const { db } = database();
    const clock = new ManualClock('2025-03-10T16:00:00+07:00');
    api = await startFakeBotApi();
    api.registerChat({ id: -100700, type: 'supergroup', title: 'Huyện' });
    await enqueueTexts(db, [-100700], 22, clock.now());
    const sender = senderFor(db, api, clock, {});
    await sender.drain();
    expect(await outboxStatusCounts(db)).toEqual({ sent: 20, pending: 2 });
    const next = await db
      .selectFrom('outbox')
      .select(['attempts', 'next_attempt_at'])
      .where('status', '=', 'pending')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    // Not an attempt, and not before the minute is over.
    expect(next.attempts).toBe(0);
    expect(next.next_attempt_at.getTime() - clock.now().getTime()).toBeGreaterThan(55_000);
  });
});

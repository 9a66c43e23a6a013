import { expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import { startFakeBotApi } from '../support/fake-telegram/index.js';
import { closeAfterEach } from '../support/close-after-each.js';
import { describeEachDatabase } from '../support/test-database.js';
import {
  deliverEverything,
  enqueueTexts,
  mostInWindow,
  outboxStatusCounts,
  registerPrivateChats,
  senderFor,
  sentTimes,
} from './outbox-fixture.js';

// The sender paces on the test's manual clock, as does the fake's own limiter: these tests count sends per
// virtual second, so they hold on any machine. Real-time throughput is measured in bench/outbox.

describeEachDatabase('the sender within Telegram limits', (database) => {
  const closing = closeAfterEach();

  it('sends at most 30 in any virtual second, against a fake that enforces it', async () => {
    const { db } = database();
    const clock = new ManualClock('2025-03-10T16:00:00+07:00');
    const api = closing(await startFakeBotApi({ clock, rateLimit: { globalPerSecond: 30 } }));
    const chats = registerPrivateChats(api, 75);
    await enqueueTexts(db, chats, 1, clock.now());
    const start = clock.now().getTime();
    await deliverEverything(db, [senderFor(db, api, clock, {})], clock);
    expect(await outboxStatusCounts(db)).toEqual({ sent: 75 });
    expect(api.stats().tooManyRequests).toBe(0);
    const times = await sentTimes(db);
    expect(mostInWindow(times, 1000)).toBe(30);
    // 75 at 30/s: the first 30 at once, the rest in the two virtual seconds after — paced, not stalled.
    expect(times.filter((t) => t === start)).toHaveLength(30);
    expect((times.at(-1) ?? 0) - start).toBeGreaterThanOrEqual(2000);
    expect((times.at(-1) ?? 0) - start).toBeLessThan(3000);
  });

  it('gives a private chat a short burst, then one message a virtual second', async () => {
    const { db } = database();
    const clock = new ManualClock('2025-03-10T16:00:00+07:00');
    const api = closing(await startFakeBotApi({ clock }));
    registerPrivateChats(api, 1);
    await enqueueTexts(db, [1001], 5, clock.now());
    const start = clock.now().getTime();
    await deliverEverything(db, [senderFor(db, api, clock, { perChatBurst: 3 })], clock);
    const offsets = (await sentTimes(db)).map((t) => t - start);
    expect(offsets).toHaveLength(5);
    expect(offsets.slice(0, 3)).toEqual([0, 0, 0]);
    expect(offsets[3]).toBeGreaterThanOrEqual(1000);
    expect(offsets[3]).toBeLessThan(1100);
    expect(offsets[4]).toBeGreaterThanOrEqual(2000);
    expect(offsets[4]).toBeLessThan(2200);
    expect(api.messagesTo(1001).map((m) => ('text' in m ? m.text : ''))).toEqual(
      [1, 2, 3, 4, 5].map((n) => `m ${n} → 1001`),
    );
  });

  it('puts a group message back in the queue when the group has had its 20 this minute', async () => {
    const { db } = database();
    const clock = new ManualClock('2025-03-10T16:00:00+07:00');
    const api = closing(await startFakeBotApi({ clock }));
    api.registerChat({ id: -100700, type: 'supergroup', title: 'Huyện' });
    await enqueueTexts(db, [-100700], 22, clock.now());
    const start = clock.now().getTime();
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
    expect(next.next_attempt_at.getTime() - start).toBeGreaterThanOrEqual(60_000);
    expect(sender.activity.heldUntil()?.getTime()).toBe(next.next_attempt_at.getTime());

    await deliverEverything(db, [sender], clock);
    const times = await sentTimes(db);
    expect(times).toHaveLength(22);
    expect(mostInWindow(times, 60_000)).toBe(20);
    expect((times[20] ?? 0) - start).toBeGreaterThanOrEqual(60_000);
  });

  it('backs off after 5xx on the same clock: later tries wait longer', async () => {
    const { db } = database();
    const clock = new ManualClock('2025-03-10T16:00:00+07:00');
    const api = closing(await startFakeBotApi({ clock }));
    registerPrivateChats(api, 1);
    await enqueueTexts(db, [1001], 1, clock.now());
    api.failNext('sendMessage', { code: 502 }, 3);
    const start = clock.now().getTime();
    const sender = senderFor(db, api, clock, { backoffMs: 1000, maxBackoffMs: 60_000 });
    const waits: number[] = [];
    for (let tries = 0; tries < 4; tries++) {
      await sender.drain();
      const row = await db
        .selectFrom('outbox')
        .select(['status', 'next_attempt_at'])
        .executeTakeFirstOrThrow();
      if (row.status === 'sent') break;
      waits.push(row.next_attempt_at.getTime() - clock.now().getTime());
      clock.set(row.next_attempt_at);
    }
    expect(await outboxStatusCounts(db)).toEqual({ sent: 1 });
    // Exponential with ×0.5–1.5 jitter: 1 s, 2 s, 4 s nominal.
    expect(waits).toHaveLength(3);
    waits.forEach((wait, i) => {
      expect(wait).toBeGreaterThanOrEqual(500 * 2 ** i);
      expect(wait).toBeLessThanOrEqual(1500 * 2 ** i);
    });
    expect(clock.now().getTime() - start).toBe(waits.reduce((a, b) => a + b, 0));
  });
});

import { Telegram } from 'telegraf';
import { expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import { claimOutboxHeads, settleOutboxClaim } from '../../src/db/outbox.repository.js';
import { startFakeBotApi } from '../support/fake-telegram/index.js';
import { deliverToTelegram } from '../../src/channels/telegram/telegram-delivery.js';
import { closeAfterEach } from '../support/close-after-each.js';
import { describeEachDatabase } from '../support/test-database.js';
import {
  UNLIMITED,
  deliverEverything,
  enqueueTexts,
  outboxStatusCounts,
  registerPrivateChats,
  senderFor,
} from './outbox-fixture.js';

const LEASE_MS = 60_000;

describeEachDatabase('a sender that dies or stops mid-batch', (database) => {
  const closing = closeAfterEach();

  it('loses nothing; only sends acknowledged but not recorded are repeated', async () => {
    const { db } = database();
    const clock = new ManualClock('2025-03-10T16:00:00+07:00');
    const api = closing(await startFakeBotApi());
    const chats = registerPrivateChats(api, 20);
    await enqueueTexts(db, chats, 1, clock.now());

    // The process that dies: it claims 10, Telegram accepts 5 of them, it records only 3, then it is gone.
    const telegram = new Telegram(api.token, { apiRoot: api.apiRoot, webhookReply: false });
    const claimed = await claimOutboxHeads(db, clock.now(), LEASE_MS, 10);
    expect(claimed).toHaveLength(10);
    for (const row of claimed.slice(0, 5)) {
      const result = await deliverToTelegram(telegram, row);
      if (claimed.indexOf(row) < 3) {
        await settleOutboxClaim(
          db,
          { id: row.id, leaseUntil: row.next_attempt_at },
          { status: 'sent', at: clock.now(), result },
        );
      }
    }
    const acknowledgedNotRecorded = claimed.slice(3, 5).map((r) => Number(r.chat_id));

    // Another sender carries on at once with what was never claimed…
    const survivor = senderFor(db, api, clock, { ...UNLIMITED, leaseMs: LEASE_MS });
    expect(await survivor.drain()).toBe(10);
    expect(await outboxStatusCounts(db)).toEqual({ sent: 13, pending: 7 });
    // …and with the dead one's claims once their lease has run out.
    clock.advance(LEASE_MS);
    await deliverEverything(db, [survivor], clock);

    expect(await outboxStatusCounts(db)).toEqual({ sent: 20 });
    for (const chat of chats) expect(api.messagesTo(chat).length).toBeGreaterThanOrEqual(1);
    const duplicates = api.duplicateDeliveries();
    expect(duplicates.map((d) => d.chatId).sort()).toEqual(acknowledgedNotRecorded.sort());
    expect(duplicates.every((d) => d.count === 2)).toBe(true);
  });

  it('a sender that outlives its lease does not overwrite the new owner', async () => {
    const { db } = database();
    const clock = new ManualClock('2025-03-10T16:00:00+07:00');
    const api = closing(await startFakeBotApi());
    registerPrivateChats(api, 1);
    await enqueueTexts(db, [1001], 1, clock.now());
    const slow = senderFor(db, api, clock, { ...UNLIMITED, leaseMs: LEASE_MS });
    const [stale] = await claimOutboxHeads(db, clock.now(), LEASE_MS, 1);
    if (!stale) throw new Error('nothing claimed');
    clock.advance(LEASE_MS + 1);
    const [fresh] = await claimOutboxHeads(db, clock.now(), LEASE_MS, 1);
    expect(fresh?.id).toBe(stale.id);
    expect(await slow.deliver(stale)).toBe('lost_lease');
    const row = await db.selectFrom('outbox').select(['status', 'attempts']).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'pending', attempts: 2 });
  });

  it('stopping gives unsent claims back at once: a second sender finishes, nothing twice', async () => {
    const { db } = database();
    const clock = new ManualClock('2025-03-10T16:00:00+07:00');
    const api = closing(await startFakeBotApi());
    const chats = registerPrivateChats(api, 40);
    await enqueueTexts(db, chats, 1, clock.now());
    // 10 a second on a clock that does not move: the first 10 go, the other 30 wait for the limit.
    const first = senderFor(db, api, clock, {
      ...UNLIMITED,
      globalPerSecond: 10,
      maxInFlight: 40,
      batchSize: 40,
    });
    const stop = new AbortController();
    const running = first.run(stop.signal, 50);
    await first.activity.allWaiting();
    stop.abort();
    await running;
    const afterStop = await outboxStatusCounts(db);
    expect(afterStop).toEqual({ sent: 10, pending: 30 });
    const waiting = await db
      .selectFrom('outbox')
      .select(['attempts', 'next_attempt_at'])
      .where('status', '=', 'pending')
      .execute();
    expect(
      waiting.every((r) => r.attempts === 0 && r.next_attempt_at.getTime() <= clock.now().getTime()),
    ).toBe(true);

    expect(await senderFor(db, api, clock).drain()).toBe(afterStop.pending);
    expect(await outboxStatusCounts(db)).toEqual({ sent: 40 });
    expect(api.duplicateDeliveries()).toEqual([]);
  });
});

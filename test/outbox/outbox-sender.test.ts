import { afterEach, expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import { openDatabase } from '../../src/db/database.js';
import { upsertGroupChat } from '../../src/db/group-chat.repository.js';
import { upsertMember } from '../../src/db/member.repository.js';
import { enqueueOutbox, type NewOutboxMessage } from '../../src/db/outbox.repository.js';
import { startFakeBotApi, type FakeBotApi } from '../support/fake-telegram/index.js';
import { loadQuangTri } from '../support/campaign-fixture.js';
import { describeEachDatabase } from '../support/test-database.js';
import {
  UNLIMITED,
  deliverEverything,
  enqueueTexts,
  outboxStatusCounts,
  registerPrivateChats,
  senderFor,
} from './outbox-fixture.js';

// A 1×1 PNG: the fake Bot API checks that a photo is an image.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

const text = (dedupeKey: string, chatId: string): NewOutboxMessage => ({
  dedupeKey,
  platform: 'telegram',
  chatId,
  kind: 'text',
  payload: { text: dedupeKey },
});

describeEachDatabase('the outbox sender', (database) => {
  const apis: FakeBotApi[] = [];
  const start = async (options: Parameters<typeof startFakeBotApi>[0] = {}) => {
    const api = await startFakeBotApi(options);
    apis.push(api);
    return api;
  };
  afterEach(async () => {
    await Promise.all(apis.splice(0).map((api) => api.close()));
  });

  it('delivers texts, photos and documents, each chat in order', async () => {
    const { db } = database();
    const clock = new ManualClock('2025-03-10T08:00:00+07:00');
    const api = await start();
    const chats = registerPrivateChats(api, 5);
    api.registerChat({ id: -100700, type: 'supergroup', title: 'Lãnh đạo tỉnh' });
    await enqueueTexts(db, chats, 4, clock.now());
    await enqueueOutbox(
      db,
      [
        {
          dedupeKey: 'p',
          platform: 'telegram',
          chatId: '-100700',
          kind: 'photo',
          payload: { fileName: 'a.png', caption: 'Biểu đồ' },
          attachment: PNG,
        },
        {
          dedupeKey: 'd',
          platform: 'telegram',
          chatId: '-100700',
          kind: 'document',
          payload: { fileName: 'bc.pdf', caption: 'Báo cáo' },
          attachment: Buffer.from('%PDF-1.7'),
        },
      ],
      clock.now(),
    );
    await deliverEverything(db, [senderFor(db, api, clock)], clock);
    expect(await outboxStatusCounts(db)).toEqual({ sent: 22 });
    for (const chat of chats) {
      expect(api.messagesTo(chat).map((m) => ('text' in m ? m.text : ''))).toEqual(
        [1, 2, 3, 4].map((n) => `m ${n} → ${chat}`),
      );
    }
    expect(api.sent.filter((c) => c.chatId === -100700).map((c) => c.method)).toEqual([
      'sendPhoto',
      'sendDocument',
    ]);
    expect(api.duplicateDeliveries()).toEqual([]);
  });

  it('rides out 429s and 5xx: everything arrives once, blocked chats are deactivated, N failures give up', async () => {
    const { db } = database();
    const clock = new ManualClock('2025-03-10T08:00:00+07:00');
    const campaignId = await loadQuangTri(db, clock);
    const api = await start();
    // 1001 never wrote to the bot (the fake answers 403 like Telegram); 1002–1030 did.
    const chats = [1001, ...registerPrivateChats(api, 29, 1002)];
    const unit = await db
      .selectFrom('units')
      .select('id')
      .where('code', '=', '19333')
      .executeTakeFirstOrThrow();
    await upsertMember(db, {
      campaign_id: campaignId,
      platform: 'telegram',
      platform_user_id: '1001',
      display_name: 'Lan',
      role: 'reporter',
      unit_id: unit.id,
      at: clock.now(),
    });
    const messages = await enqueueTexts(db, chats, 3, clock.now());
    api.faults({ rate: 0.3, codes: [429, 500, 502, 503], seed: 7 });
    await deliverEverything(db, [senderFor(db, api, clock, { ...UNLIMITED, maxAttempts: 8 })], clock);

    const rows = await db.selectFrom('outbox').select(['chat_id', 'status', 'last_error']).execute();
    const failed = rows.filter((r) => r.status === 'failed');
    // The first message to 1001 failed for good; its later ones too (each gets its own 403).
    expect(failed.map((r) => r.chat_id)).toEqual(['1001', '1001', '1001']);
    expect(failed[0]?.last_error).toContain('403');
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(messages.length - 3);
    expect(api.duplicateDeliveries()).toEqual([]);
    expect(api.stats().tooManyRequests + api.stats().serverErrors).toBeGreaterThan(10);
    const member = await db.selectFrom('members').select('active').executeTakeFirstOrThrow();
    expect(member.active).toBe(false);

    // A group that removed the bot is deactivated too.
    api.faults(null);
    api.registerChat({ id: -100700, type: 'supergroup', title: 'Lãnh đạo tỉnh' });
    const province = await db
      .selectFrom('units')
      .select('id')
      .where('code', '=', '45')
      .executeTakeFirstOrThrow();
    await upsertGroupChat(db, {
      campaign_id: campaignId,
      platform: 'telegram',
      chat_id: '-100700',
      title: 'Lãnh đạo tỉnh',
      purpose: 'leadership',
      scope_unit_id: province.id,
      registered_at: clock.now(),
    });
    await enqueueOutbox(db, [text('g', '-100700'), text('x', '1002')], clock.now());
    api.failNext('sendMessage', {
      code: 403,
      description: 'Forbidden: bot was kicked from the supergroup chat',
    });
    // A chat that keeps answering 5xx is given up after maxAttempts, with the error kept.
    api.failNext('sendMessage', { code: 502 }, 3);
    const sender = senderFor(db, api, clock, { ...UNLIMITED, maxAttempts: 3, batchSize: 1 });
    await deliverEverything(db, [sender], clock);
    const group = await db.selectFrom('group_chats').select('active').executeTakeFirstOrThrow();
    expect(group.active).toBe(false);
    const x = await db
      .selectFrom('outbox')
      .select(['status', 'attempts', 'last_error'])
      .where('dedupe_key', '=', 'x')
      .executeTakeFirstOrThrow();
    expect(x).toMatchObject({ status: 'failed', attempts: 3 });
    expect(x.last_error).toContain('Bad Gateway');
  });

  it('waits retry_after after a 429, without using up an attempt', async () => {
    const { db } = database();
    const clock = new ManualClock('2025-03-10T08:00:00+07:00');
    const api = await start();
    registerPrivateChats(api, 1);
    await enqueueTexts(db, [1001], 1, clock.now());
    api.failNext('sendMessage', { code: 429, retryAfter: 30 }, 5);
    const sender = senderFor(db, api, clock, { ...UNLIMITED, maxAttempts: 2 });
    const started = clock.now().getTime();
    await deliverEverything(db, [sender], clock);
    const row = await db.selectFrom('outbox').select(['status', 'attempts']).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'sent', attempts: 1 });
    expect(clock.now().getTime() - started).toBe(5 * 30_000);
  });

  it('two senders on one database deliver 300 messages, none twice', async () => {
    const { db, target } = database();
    const clock = new ManualClock('2025-03-10T08:00:00+07:00');
    const api = await start();
    const chats = registerPrivateChats(api, 100);
    await enqueueTexts(db, chats, 3, clock.now());
    // On a server, the second sender has its own connection pool, as a second process would.
    const second = target.kind === 'server' ? await openDatabase(target) : undefined;
    try {
      const options = { ...UNLIMITED, batchSize: 7 };
      const a = senderFor(db, api, clock, options);
      const b = senderFor(second?.db ?? db, api, clock, options);
      api.faults({ rate: 0.1, codes: [500, 502], seed: 11 });
      await deliverEverything(db, [a, b], clock);
    } finally {
      await second?.close();
    }
    expect(await outboxStatusCounts(db)).toEqual({ sent: 300 });
    const delivered = api.sent.filter((c) => c.ok && c.method === 'sendMessage');
    expect(delivered).toHaveLength(300);
    expect(api.duplicateDeliveries()).toEqual([]);
    for (const chat of chats.slice(0, 10)) {
      expect(api.messagesTo(chat).map((m) => ('text' in m ? m.text : ''))).toEqual(
        [1, 2, 3].map((n) => `m ${n} → ${chat}`),
      );
    }
  });
});

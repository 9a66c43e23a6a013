import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import { startFakeBotApi, type FakeBotApi, type FakeBotApiOptions } from '../support/fake-telegram/index.js';
import { fakeTelegraf } from './polling-bot.js';
import { rawCall } from './raw-bot-api.js';

describe('fault injection and rate limits', () => {
  const started: FakeBotApi[] = [];
  async function start(options?: FakeBotApiOptions): Promise<FakeBotApi> {
    const api = await startFakeBotApi(options);
    started.push(api);
    api.registerChat({ id: 1, type: 'private', first_name: 'A' });
    api.registerChat({ id: 2, type: 'private', first_name: 'B' });
    api.registerChat({ id: -100500, type: 'supergroup', title: 'Huyện' });
    return api;
  }
  afterEach(async () => {
    await Promise.all(started.splice(0).map((api) => api.close()));
  });

  it('answers an injected 429 exactly like Telegram, then recovers', async () => {
    const api = await start();
    api.failNext('sendMessage', { code: 429, retryAfter: 7 });
    expect(await rawCall(api, 'sendMessage', { chat_id: 1, text: 'x' })).toEqual({
      status: 429,
      json: {
        ok: false,
        error_code: 429,
        description: 'Too Many Requests: retry after 7',
        parameters: { retry_after: 7 },
      },
    });
    expect((await rawCall(api, 'sendMessage', { chat_id: 1, text: 'x' })).status).toBe(200);
    expect(api.stats()).toMatchObject({ tooManyRequests: 1, serverErrors: 0 });
    expect(api.sent.map((c) => c.ok)).toEqual([false, true]);
    expect(api.deliveredCount(1, 'x')).toBe(1); // the refused attempt was not delivered
  });

  it('surfaces injected 403 and 5xx to telegraf as TelegramErrors, `times` in a row', async () => {
    const api = await start();
    const bot = fakeTelegraf(api);
    api.failNext('sendMessage', { code: 403, description: 'Forbidden: bot was blocked by the user' });
    await expect(bot.telegram.sendMessage(1, 'hi')).rejects.toMatchObject({
      code: 403,
      description: 'Forbidden: bot was blocked by the user',
    });
    api.failNext('*', { code: 502 }, 2);
    await expect(bot.telegram.sendMessage(1, 'hi')).rejects.toMatchObject({
      code: 502,
      description: 'Bad Gateway',
    });
    await expect(bot.telegram.sendChatAction(1, 'typing')).rejects.toMatchObject({ code: 502 });
    await expect(bot.telegram.sendMessage(1, 'hi')).resolves.toMatchObject({ text: 'hi' });
    expect(api.stats()).toMatchObject({ serverErrors: 2, clientErrors: 1 });
  });

  it('fails randomly but reproducibly with a seed', async () => {
    async function pattern(): Promise<string> {
      const api = await start();
      api.faults({ rate: 0.3, codes: [500, 502, 429], seed: 2025 });
      let outcome = '';
      for (let i = 0; i < 40; i += 1) {
        const { status } = await rawCall(api, 'sendMessage', { chat_id: 1, text: `n${i}` });
        outcome += status === 200 ? '.' : status === 429 ? 'R' : 'X';
      }
      expect((await rawCall(api, 'getMe')).status).toBe(200); // not a message method: never fails
      return outcome;
    }
    const first = await pattern();
    expect(await pattern()).toBe(first);
    const failures = first.replace(/\./g, '').length;
    expect(failures).toBeGreaterThan(3);
    expect(failures).toBeLessThan(25);
  });

  // The limits count on the given clock, so these tests step time instead of sleeping.
  it('limits sends per private chat per second, with a retry_after of whole seconds', async () => {
    const clock = new ManualClock('2025-03-10T16:00:00+07:00');
    const api = await start({ clock, rateLimit: { perChatPerSecond: 1 } });
    expect((await rawCall(api, 'sendMessage', { chat_id: 1, text: 'a' })).status).toBe(200);
    expect(await rawCall(api, 'sendMessage', { chat_id: 1, text: 'b' })).toEqual({
      status: 429,
      json: {
        ok: false,
        error_code: 429,
        description: 'Too Many Requests: retry after 1',
        parameters: { retry_after: 1 },
      },
    });
    expect((await rawCall(api, 'sendMessage', { chat_id: 2, text: 'a' })).status).toBe(200); // another chat
    expect((await rawCall(api, 'sendChatAction', { chat_id: 1, action: 'typing' })).status).toBe(200); // not a message
    clock.advance(999);
    expect((await rawCall(api, 'sendMessage', { chat_id: 1, text: 'b' })).status).toBe(429);
    clock.advance(1);
    expect((await rawCall(api, 'sendMessage', { chat_id: 1, text: 'b' })).status).toBe(200);
  });

  it('limits the global rate and the per-group rate per minute', async () => {
    const clock = new ManualClock('2025-03-10T16:00:00+07:00');
    const api = await start({ clock, rateLimit: { globalPerSecond: 3, perGroupPerMinute: 2 } });
    const statuses: number[] = [];
    for (const chatId of [-100500, -100500, -100500, 1, 2]) {
      statuses.push((await rawCall(api, 'sendMessage', { chat_id: chatId, text: 'x' })).status);
    }
    expect(statuses).toEqual([200, 200, 429, 200, 429]); // third to the group; fourth send overall
    const groupRefusal = api.sent[2]?.error;
    expect(groupRefusal?.parameters?.retry_after).toBe(60);
    expect(api.stats().tooManyRequests).toBe(2);
    clock.advance(1000); // a new second for the global limit; the group's minute is still full
    expect((await rawCall(api, 'sendMessage', { chat_id: 2, text: 'y' })).status).toBe(200);
    expect((await rawCall(api, 'sendMessage', { chat_id: -100500, text: 'y' })).status).toBe(429);
    clock.advance(59_000);
    expect((await rawCall(api, 'sendMessage', { chat_id: -100500, text: 'y' })).status).toBe(200);
  });

  it('logs deliveries so a test can prove nothing was sent twice', async () => {
    const api = await start();
    await rawCall(api, 'sendMessage', { chat_id: 1, text: 'Nhắc: báo cáo trước 17:00' });
    await rawCall(api, 'sendMessage', { chat_id: 2, text: 'Nhắc: báo cáo trước 17:00' });
    expect(api.duplicateDeliveries()).toEqual([]);
    await rawCall(api, 'sendMessage', { chat_id: 1, text: 'Nhắc: báo cáo trước 17:00' });
    expect(api.duplicateDeliveries()).toEqual([{ chatId: 1, text: 'Nhắc: báo cáo trước 17:00', count: 2 }]);
  });

  it('rejects waitFor with a list of what was sent', async () => {
    const api = await start();
    await rawCall(api, 'sendMessage', { chat_id: 1, text: 'một' });
    await expect(api.waitFor((c) => c.text === 'hai', 100)).rejects.toThrow(
      /no matching call within 100 ms\. 1 call\(s\) recorded:\n {2}#1 sendMessage chat=1 "một" → ok/,
    );
  });
});

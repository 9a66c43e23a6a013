import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Markup } from 'telegraf';
import type { Update } from 'telegraf/types';
import { startFakeBotApi, type FakeBotApi, type FakeBotApiOptions } from '../support/fake-telegram/index.js';
import { startLocalWebhook, type LocalWebhookServer } from './local-webhook-server.js';
import { fakeTelegraf } from './polling-bot.js';
import { rawCall } from './raw-bot-api.js';

describe('webhook mode', () => {
  const cleanups: (() => Promise<void>)[] = [];
  async function start(options?: FakeBotApiOptions): Promise<FakeBotApi> {
    const api = await startFakeBotApi(options);
    cleanups.push(() => api.close());
    return api;
  }
  async function hook(opts: Parameters<typeof startLocalWebhook>[0]): Promise<LocalWebhookServer> {
    const server = await startLocalWebhook(opts);
    cleanups.push(() => server.close());
    return server;
  }
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const user = { id: 77, first_name: 'Hoa' };

  it('POSTs injected updates to the webhook with the secret token header', async () => {
    const api = await start();
    const webhook = await hook({});
    const bot = fakeTelegraf(api);
    await bot.telegram.setWebhook(webhook.url, { secret_token: 'bi-mat_123' });
    const update = api.sendText(user, '/start');
    await api.whenWebhookIdle();
    expect(webhook.received).toHaveLength(1);
    expect(webhook.received[0]?.headers['x-telegram-bot-api-secret-token']).toBe('bi-mat_123');
    expect(webhook.received[0]?.headers['content-type']).toBe('application/json');
    expect(webhook.received[0]?.body).toEqual(update);
    expect(await bot.telegram.getWebhookInfo()).toMatchObject({ url: webhook.url, pending_update_count: 0 });
  });

  it('delivers updates held before setWebhook, unless drop_pending_updates', async () => {
    const api = await start();
    const webhook = await hook({});
    api.sendText(user, 'một');
    api.sendText(user, 'hai');
    await rawCall(api, 'setWebhook', { url: webhook.url });
    await api.whenWebhookIdle();
    expect(webhook.received.map((r) => (r.body as Update).update_id)).toEqual([1, 2]);
    await rawCall(api, 'deleteWebhook');
    api.sendText(user, 'ba');
    await rawCall(api, 'setWebhook', { url: webhook.url, drop_pending_updates: true });
    await api.whenWebhookIdle();
    expect(webhook.received).toHaveLength(2);
  });

  it('retries a failing webhook with backoff, then succeeds', async () => {
    const api = await start({ webhook: { retryDelayMs: 10 } });
    const webhook = await hook({ respond: (n) => (n <= 2 ? 500 : 200) });
    await rawCall(api, 'setWebhook', { url: webhook.url });
    api.sendText(user, 'thử lại');
    await api.whenWebhookIdle();
    expect(api.webhookDeliveries().attempts.map((a) => a.status)).toEqual([500, 500, 200]);
    expect(api.stats().pendingUpdates).toBe(0);
  });

  it('gives up after maxAttempts and reports the error in getWebhookInfo', async () => {
    const api = await start({ webhook: { retryDelayMs: 5, maxAttempts: 3 } });
    const webhook = await hook({ respond: () => 503 });
    await rawCall(api, 'setWebhook', { url: webhook.url });
    const update = api.sendText(user, 'mất');
    await api.whenWebhookIdle();
    expect(webhook.received).toHaveLength(3);
    expect(api.webhookDeliveries().dropped).toEqual([update.update_id]);
    const info = await rawCall(api, 'getWebhookInfo');
    expect(info.json.result).toMatchObject({
      pending_update_count: 0,
      last_error_message: 'Wrong response from the webhook: 503 Service Unavailable',
    });
  });

  it('refuses webhooks off this machine and bad secret tokens', async () => {
    const api = await start();
    expect((await rawCall(api, 'setWebhook', { url: 'https://bot.example.com/hook' })).status).toBe(400);
    expect(
      (await rawCall(api, 'setWebhook', { url: 'http://127.0.0.1:1/x', secret_token: 'có dấu' })).json,
    ).toMatchObject({
      error_code: 400,
      description: 'Bad Request: secret token contains unallowed characters',
    });
  });

  it('serves a real telegraf webhookCallback, executing its webhook-reply answerCallbackQuery', async () => {
    const api = await start({ webhook: { retryDelayMs: 5 } });
    const bot = fakeTelegraf(api);
    bot.on('callback_query', async (ctx) => {
      await ctx.answerCbQuery('Đã ghi nhận'); // telegraf writes this into the webhook response body
      await ctx.editMessageText('Đã chọn: ' + ('data' in ctx.callbackQuery ? ctx.callbackQuery.data : ''));
    });
    const callback = bot.webhookCallback('/hook', { secretToken: 'abc' });
    const webhook = await hook({
      handler: (request, response) => {
        void callback(request, response);
      },
    });
    await bot.telegram.setWebhook(webhook.url, { secret_token: 'abc' });

    api.registerChat({ id: 77, type: 'private', first_name: 'Hoa' });
    const menu = await bot.telegram.sendMessage(
      77,
      'Chọn:',
      Markup.inlineKeyboard([Markup.button.callback('Có', 'yes')]),
    );
    const press = api.pressButton(user, menu, 'yes');
    const answer = await api.waitFor((c) => c.method === 'answerCallbackQuery');
    expect(answer).toMatchObject({ via: 'webhook-reply', ok: true, params: { text: 'Đã ghi nhận' } });
    await api.waitFor((c) => c.method === 'editMessageText' && c.ok);
    await api.whenWebhookIdle();
    expect('callback_query' in press && api.callbackAnswer(press.callback_query.id)).toEqual({
      text: 'Đã ghi nhận',
    });
    expect(api.lastMessageTo(77)).toMatchObject({ text: 'Đã chọn: yes' });

    // telegraf's webhook refuses a request without the right secret; the fake's POST carried it.
    await rawCall(api, 'setWebhook', { url: webhook.url, secret_token: 'wrong' });
    api.sendText(user, 'x');
    await api.whenWebhookIdle();
    expect(api.webhookDeliveries().attempts.at(-1)?.status).toBe(403);
  });

  it('works with telegraf launch({ webhook }) when https loopback is delivered as plain HTTP', async () => {
    const api = await start({ webhook: { plainHttp: true } });
    const port = await freePort();
    const bot = fakeTelegraf(api);
    bot.start((ctx) => ctx.reply('Chào qua webhook'));
    await bot.launch({
      webhook: { domain: `127.0.0.1:${port}`, port, host: '127.0.0.1', secretToken: 'tok' },
    });
    cleanups.push(() => Promise.resolve(bot.stop('test finished')));
    expect(await bot.telegram.getWebhookInfo()).toMatchObject({
      url: expect.stringMatching(/^https:\/\/127\.0\.0\.1:/),
    });
    api.sendText(user, '/start');
    await api.waitForSend(77, 'Chào qua webhook');
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

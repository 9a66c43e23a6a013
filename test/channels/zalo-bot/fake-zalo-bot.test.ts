import { afterEach, describe, expect, it } from 'vitest';
import { FakeZaloBot, MediaHost, startFakeZaloBot } from '../../support/fake-zalo-bot/index.js';

// The fake's own contract (the shapes of docs/zalo.md), so that tests against it mean something.

describe('the fake Zalo Bot API', () => {
  const open: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const o of open.splice(0)) await o.close();
  });
  const start = async () => {
    const zalo = await startFakeZaloBot();
    open.push(zalo);
    const call = async (method: string, params: Record<string, unknown> = {}, token = zalo.token) => {
      const response = await fetch(`${zalo.apiRoot}/bot${token}/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(params),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    return { zalo, call };
  };

  it('answers getMe, and 401 to a wrong token', async () => {
    const { call } = await start();
    expect((await call('getMe')).body).toMatchObject({ ok: true, result: { can_join_groups: false } });
    expect(await call('getMe', {}, 'nope')).toEqual({
      status: 401,
      body: { ok: false, error_code: 401, description: 'Unauthorized' },
    });
  });

  it('hands out one update per call, forgets it, and answers 408 when there is none', async () => {
    const { zalo, call } = await start();
    const lan = zalo.user('u1', 'Lan');
    await zalo.sendText(lan, 'một');
    await zalo.sendText(lan, 'hai');
    const first = await call('getUpdates', { timeout: '0' });
    expect(first.body).toMatchObject({
      ok: true,
      result: {
        event_name: 'message.text.received',
        message: {
          text: 'một',
          chat: { id: 'u1', chat_type: 'PRIVATE' },
          from: { id: 'u1', display_name: 'Lan' },
        },
      },
    });
    expect((await call('getUpdates', { timeout: '0' })).body).toMatchObject({
      result: { message: { text: 'hai' } },
    });
    expect(await call('getUpdates', { timeout: '0' })).toEqual({
      status: 408,
      body: { ok: false, error_code: 408, description: 'Request timeout' },
    });
  });

  it('wakes a waiting long poll when an update arrives', async () => {
    const { zalo, call } = await start();
    zalo.maxPollWaitMs = 60_000;
    const waiting = call('getUpdates', { timeout: '30' });
    await zalo.sendUnsupported(zalo.user('u1', 'Lan'));
    expect((await waiting).body).toMatchObject({ result: { event_name: 'message.unsupported.received' } });
  });

  it('keeps Zalo’s limits: 2,000 characters, photos by http(s) URL that must serve bytes', async () => {
    const { zalo, call } = await start();
    const media = await new MediaHost().listen();
    open.push(media);
    expect((await call('sendMessage', { chat_id: 'u1', text: 'x'.repeat(2001) })).body).toMatchObject({
      error_code: 400,
    });
    expect((await call('sendMessage', { chat_id: 'u1', text: '' })).body).toMatchObject({ error_code: 400 });
    expect((await call('sendPhoto', { chat_id: 'u1', photo: 'file:///etc/passwd' })).body).toMatchObject({
      description: 'The photo must start with http:// or https://',
    });
    const url = await media.urlFor({ outboxId: 1, index: 0, fileName: 'a.png', bytes: Buffer.from('img') });
    media.expire();
    expect((await call('sendPhoto', { chat_id: 'u1', photo: url })).body).toMatchObject({
      description: 'The photo URL is invalid',
    });
    const live = await media.urlFor({
      outboxId: 2,
      index: 0,
      fileName: 'b.png',
      bytes: Buffer.from('chart'),
    });
    expect((await call('sendPhoto', { chat_id: 'u1', photo: live, caption: 'Biểu đồ' })).body).toMatchObject({
      ok: true,
    });
    expect(zalo.photosTo('u1').map((p) => [p.bytes.toString(), p.caption])).toEqual([['chart', 'Biểu đồ']]);
  });

  it('injects faults, and keeps polling and the webhook exclusive', async () => {
    const { zalo, call } = await start();
    zalo.failNext('sendMessage', FakeZaloBot.QUOTA);
    expect((await call('sendMessage', { chat_id: 'u1', text: 'a' })).body).toMatchObject({
      error_code: 429,
      description: 'Quota exceeded',
    });
    expect((await call('sendMessage', { chat_id: 'u1', text: 'a' })).body).toMatchObject({ ok: true });
    expect((await call('getWebhookInfo')).status).toBe(404);
    expect(
      (await call('setWebhook', { url: 'https://x.example/h', secret_token: 'short' })).body,
    ).toMatchObject({
      error_code: 400,
    });
    await call('setWebhook', { url: 'https://x.example/h', secret_token: 'long-enough' });
    expect((await call('getUpdates', { timeout: '0' })).body).toMatchObject({ ok: false, error_code: 400 });
    expect((await call('deleteWebhook')).body).toMatchObject({ ok: true, result: { url: '' } });
    expect((await call('getUpdates', { timeout: '0' })).body).toMatchObject({ error_code: 408 });
  });
});

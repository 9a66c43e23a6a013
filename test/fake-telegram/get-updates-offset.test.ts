import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeBotApi, type FakeBotApi } from '../support/fake-telegram/index.js';
import { ids, rawCall } from './raw-bot-api.js';

describe('getUpdates over raw HTTP', () => {
  let api: FakeBotApi;
  const user = { id: 42, first_name: 'Mai' };
  beforeEach(async () => {
    api = await startFakeBotApi();
  });
  afterEach(async () => {
    await api.close();
  });

  it('returns updates from the offset on and drops the ones below it', async () => {
    api.sendText(user, 'một');
    api.sendText(user, 'hai');
    api.sendText(user, 'ba');
    expect(ids(await rawCall(api, 'getUpdates'))).toEqual([1, 2, 3]);
    expect(ids(await rawCall(api, 'getUpdates'))).toEqual([1, 2, 3]); // nothing confirmed yet
    expect(ids(await rawCall(api, 'getUpdates', { offset: 2 }))).toEqual([2, 3]);
    expect(ids(await rawCall(api, 'getUpdates'))).toEqual([2, 3]); // 1 is gone for good
    expect(ids(await rawCall(api, 'getUpdates', { offset: 1 }))).toEqual([2, 3]);
    expect(ids(await rawCall(api, 'getUpdates', { offset: 2, limit: 1 }))).toEqual([2]);
    expect(ids(await rawCall(api, 'getUpdates', { offset: 4 }))).toEqual([]);
    expect(api.stats().pendingUpdates).toBe(0);

    api.sendText(user, 'bốn');
    api.sendText(user, 'năm');
    api.sendText(user, 'sáu');
    expect(ids(await rawCall(api, 'getUpdates', { offset: -1 }))).toEqual([6]); // only the last one survives
    expect(ids(await rawCall(api, 'getUpdates'))).toEqual([6]);
  });

  it('accepts the offset as a query string, urlencoded form and any method-name case', async () => {
    api.sendText(user, 'a');
    api.sendText(user, 'b');
    const query = await fetch(`${api.apiRoot}/bot${api.token}/getUpdates?offset=2`);
    expect(
      ((await query.json()) as { result: { update_id: number }[] }).result.map((u) => u.update_id),
    ).toEqual([2]);
    const form = await fetch(`${api.apiRoot}/bot${api.token}/GETUPDATES`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'offset=3&limit=5',
    });
    expect(await form.json()).toEqual({ ok: true, result: [] });
  });

  it('holds a long poll until an update arrives', async () => {
    // An hour's poll: only the update can end it within the test's time.
    const poll = rawCall(api, 'getUpdates', { timeout: 3600 });
    await api.whenPolling();
    api.sendText(user, 'đây rồi');
    expect(ids(await poll)).toEqual([1]);
  });

  it('answers an empty list when the poll times out', async () => {
    const started = Date.now();
    expect(ids(await rawCall(api, 'getUpdates', { timeout: 0.2 }))).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(180);
  });

  it('ends a waiting poll with 409 when a second poller arrives', async () => {
    const first = rawCall(api, 'getUpdates', { timeout: 10 });
    await api.whenPolling();
    const second = rawCall(api, 'getUpdates', { timeout: 0.1 });
    expect(await first).toMatchObject({
      status: 409,
      json: {
        ok: false,
        error_code: 409,
        description: expect.stringContaining('terminated by other getUpdates request'),
      },
    });
    expect((await second).status).toBe(200);
  });

  it('releases a held poll on close()', async () => {
    // An hour's poll: only close() can end it within the test's time.
    const poll = rawCall(api, 'getUpdates', { timeout: 3600 });
    await api.whenPolling();
    await api.close();
    expect(await poll).toEqual({ status: 200, json: { ok: true, result: [] } });
  });

  it('refuses getUpdates while a webhook is set', async () => {
    expect((await rawCall(api, 'setWebhook', { url: 'http://127.0.0.1:9/hook' })).json.ok).toBe(true);
    expect(await rawCall(api, 'getUpdates')).toMatchObject({ status: 409, json: { error_code: 409 } });
    await rawCall(api, 'deleteWebhook');
    expect((await rawCall(api, 'getUpdates')).status).toBe(200);
  });

  it('answers a wrong token with 401 and an unknown method with 404, like Telegram', async () => {
    expect(await rawCall(api, 'getMe', {}, '999:wrong')).toEqual({
      status: 401,
      json: { ok: false, error_code: 401, description: 'Unauthorized' },
    });
    expect(await rawCall(api, 'sendTelepathy')).toEqual({
      status: 404,
      json: { ok: false, error_code: 404, description: 'Not Found' },
    });
    expect((await fetch(`${api.apiRoot}/nothing/here`)).status).toBe(404);
    expect(api.sent.map((c) => `${c.method} ${c.error?.error_code ?? ''}`)).toEqual(['sendTelepathy 404']);
  });
});

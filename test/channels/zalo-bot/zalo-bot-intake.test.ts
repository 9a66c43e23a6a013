import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import type { WebhookReceiver } from '../../../src/channels/webhook-receiver.js';
import { pollZaloBotOnce } from '../../../src/channels/zalo-bot/zalo-bot-poller.js';
import { createZaloBotService } from '../../../src/channels/zalo-bot/zalo-bot-service.js';
import { createLogger } from '../../../src/config/logger.js';
import { ManualClock } from '../../../src/domain/clock.js';
import type { Db } from '../../../src/db/database.js';
import { startFakeZaloBot, type FakeZaloBot } from '../../support/fake-zalo-bot/index.js';
import { describeEachDatabase } from '../../support/test-database.js';

const SECRET = 'a-webhook-secret-of-32-characters';
const logger = createLogger('silent');

/** Serves a receiver the way the process's HTTP server mounts it (path → handle). */
async function serve(receiver: WebhookReceiver): Promise<{ origin: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      if (req.url !== receiver.path) return void res.writeHead(404).end();
      const answer = await receiver.handle({ headers: req.headers, rawBody: Buffer.concat(chunks) });
      res
        .writeHead(answer.status, answer.contentType ? { 'content-type': answer.contentType } : {})
        .end(answer.body);
    })();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const inboxOf = (db: Db) =>
  db
    .selectFrom('inbox')
    .select(['update_id', 'payload'])
    .where('platform', '=', 'zalo-bot')
    .orderBy('id')
    .execute();

describeEachDatabase('Zalo Bot intake', (database) => {
  const start = async () => {
    const { db } = database();
    const clock = new ManualClock('2025-03-10T09:00:00+07:00');
    const zalo = await startFakeZaloBot({ clock });
    return { db, clock, zalo };
  };

  it('long polling: one update per call, 408 means «nothing yet», each stored once', async () => {
    const { db, clock, zalo } = await start();
    const controller = new AbortController();
    try {
      let stored = 0;
      const service = await createZaloBotService({
        config: {
          ZALO_BOT_TOKEN: zalo.token,
          ZALO_BOT_API_ROOT: zalo.apiRoot,
          WEBHOOK_URL: undefined,
          WEBHOOK_SECRET: undefined,
          PORT: undefined,
        },
        db,
        clock,
        logger,
        signal: controller.signal,
        onStored: () => stored++,
      });
      if (!service) throw new Error('no service with a token');
      expect(service.receiver).toBeUndefined();
      expect(service.info.id).toBe('1459232241454765289');
      // An empty poll answers 408: not an error, nothing stored.
      expect(await pollZaloBotOnce({ api: service.channel.api, db, clock }, 0)).toBe(false);
      const lan = zalo.user('u-lan', 'Lan');
      await zalo.sendText(lan, 'tiến độ');
      await zalo.sendText(lan, 'xếp hạng');
      expect(await pollZaloBotOnce({ api: service.channel.api, db, clock }, 0)).toBe(true);
      expect(zalo.pending).toBe(1);
      const { loop } = await service.start();
      expect(zalo.calls.map((c) => c.method)).toContain('deleteWebhook');
      // The loop takes the other one; wait on state (the inbox), not on time.
      while ((await inboxOf(db)).length < 2) await new Promise((resolve) => setImmediate(resolve));
      controller.abort();
      await loop;
      const rows = await inboxOf(db);
      expect(rows.map((r) => (r.payload as { message: { text: string } }).message.text)).toEqual([
        'tiến độ',
        'xếp hạng',
      ]);
      expect(stored).toBe(1);
      expect(
        zalo.calls
          .filter((c) => c.method === 'getUpdates')
          .every((c) => typeof c.params.timeout === 'string'),
      ).toBe(true);
    } finally {
      controller.abort();
      await zalo.close();
    }
  });

  it('webhook: the secret header is checked (wrong → 401, nothing stored), wrapped and bare bodies are taken, a repeat is stored once', async () => {
    const { db, clock, zalo } = await start();
    const controller = new AbortController();
    let stored = 0;
    const service = await createZaloBotService({
      config: {
        ZALO_BOT_TOKEN: zalo.token,
        ZALO_BOT_API_ROOT: zalo.apiRoot,
        WEBHOOK_URL: 'https://sohoa.example.vn/telegram/hook',
        WEBHOOK_SECRET: SECRET,
        PORT: 8080,
      },
      db,
      clock,
      logger,
      signal: controller.signal,
      onStored: () => stored++,
    });
    if (!service?.receiver) throw new Error('no webhook receiver');
    const server = await serve(service.receiver);
    try {
      expect(await service.start()).toEqual({ loop: undefined });
      expect(zalo.webhook).toEqual({ url: 'https://sohoa.example.vn/zalo-bot/webhook', secret: SECRET });
      // The fake posts where the test server listens (the public address is the proxy's).
      await setWebhookTo(zalo, `${server.origin}${service.receiver.path}`);
      const lan = zalo.user('u-lan', 'Lan');
      const first = await zalo.sendText(lan, 'tiến độ');
      expect(zalo.webhookDeliveries.at(-1)?.status).toBe(200);
      expect(await zalo.postToWebhook(first, 'wrong-secret-of-some-length')).toBe(401);
      expect(await zalo.postToWebhook(first, null)).toBe(401);
      expect(await inboxOf(db)).toHaveLength(1);
      // Zalo sending the same message again: answered 200, stored once.
      expect(await zalo.postToWebhook(first)).toBe(200);
      zalo.webhookShape = 'bare';
      await zalo.sendText(lan, 'xếp hạng');
      expect(zalo.webhookDeliveries.at(-1)?.status).toBe(200);
      const rows = await inboxOf(db);
      expect(rows.map((r) => (r.payload as { message: { text: string } }).message.text)).toEqual([
        'tiến độ',
        'xếp hạng',
      ]);
      expect(stored).toBe(2);
      // A body that is not JSON is refused; valid JSON without a message is acknowledged and ignored.
      const post = (body: string) =>
        fetch(`${server.origin}${service.receiver!.path}`, {
          method: 'POST',
          headers: { 'x-bot-api-secret-token': SECRET },
          body,
        }).then((r) => r.status);
      expect(await post('{not json')).toBe(400);
      expect(await post('{"ok":true,"result":{"event_name":"message.text.received"}}')).toBe(200);
      expect(await inboxOf(db)).toHaveLength(2);
    } finally {
      controller.abort();
      await server.close();
      await zalo.close();
    }
  });

  it('is off without a token, and refuses to start with a token Zalo rejects', async () => {
    const { db, clock, zalo } = await start();
    try {
      const base = {
        WEBHOOK_URL: undefined,
        WEBHOOK_SECRET: undefined,
        PORT: undefined,
        ZALO_BOT_API_ROOT: zalo.apiRoot,
      };
      const deps = { db, clock, logger, signal: new AbortController().signal, onStored: () => undefined };
      expect(
        await createZaloBotService({ ...deps, config: { ...base, ZALO_BOT_TOKEN: undefined } }),
      ).toBeUndefined();
      await expect(
        createZaloBotService({ ...deps, config: { ...base, ZALO_BOT_TOKEN: 'wrong:token' } }),
      ).rejects.toThrow(/getMe: 401/);
    } finally {
      await zalo.close();
    }
  });
});

/** Points the fake's webhook at a local address, keeping the secret the service set. */
async function setWebhookTo(zalo: FakeZaloBot, url: string): Promise<void> {
  const secret = zalo.webhook?.secret ?? '';
  const response = await fetch(`${zalo.apiRoot}/bot${zalo.token}/setWebhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ url, secret_token: secret }),
  });
  expect(((await response.json()) as { ok: boolean }).ok).toBe(true);
}

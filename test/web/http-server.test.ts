import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import type { WebhookReceiver, WebhookRequest } from '../../src/channels/webhook-receiver.js';
import { createLogger } from '../../src/config/logger.js';
import { ManualClock } from '../../src/domain/clock.js';
import { createHttpServer } from '../../src/web/http-server.js';
import { CONTENT_SECURITY_POLICY } from '../../src/web/security-headers.js';
import { createWebDeps } from '../../src/web/web-deps.js';
import { registerWebRoutes } from '../../src/web/web-routes.js';
import { describeEachDatabase } from '../support/test-database.js';

describeEachDatabase('the one HTTP server of the process', (database) => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  it('mounts a list of webhook receivers beside the web side, handing each the exact bytes sent', async () => {
    const { db } = database();
    const logger = createLogger('silent');
    const seen: WebhookRequest[] = [];
    const receiver = (
      path: string,
      answer: () => Promise<{ status: number; body?: string; contentType?: string }>,
    ): WebhookReceiver => ({
      path,
      handle: async (request) => {
        seen.push(request);
        return answer();
      },
    });
    const receivers = [
      receiver('/zalo-bot/webhook', async () => ({
        status: 200,
        body: '{"ok":true}',
        contentType: 'application/json',
      })),
      receiver('/zalo-oa/webhook', async () => ({ status: 401 })),
      receiver('/broken', async () => {
        throw new Error('database down');
      }),
    ];
    const web = await createWebDeps({
      db,
      clock: new ManualClock('2025-03-10T09:00:00+07:00'),
      logger,
      baseUrl: 'http://127.0.0.1',
      configuredSecret: 'x'.repeat(32),
      campaigns: [],
    });
    const { server } = createHttpServer({ db, logger, receivers, web: (app) => registerWebRoutes(app, web) });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    close = () => new Promise<void>((resolve) => server.close(() => resolve()));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    // Bytes that a JSON parser would normalise: the signature is over these exact ones.
    const body = Buffer.from('{"b":1,  "a":"é"}\n', 'utf8');
    const zalo = await fetch(`${base}/zalo-bot/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-bot-api-secret-token': 's3cret' },
      body,
    });
    expect(zalo.status).toBe(200);
    expect(zalo.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await zalo.text()).toBe('{"ok":true}');
    expect(seen[0]?.rawBody.equals(body)).toBe(true);
    expect(seen[0]?.headers['x-bot-api-secret-token']).toBe('s3cret');

    const form = await fetch(`${base}/zalo-oa/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'plain',
    });
    expect(form.status).toBe(401);
    expect(seen[1]?.rawBody.toString()).toBe('plain');
    expect((await fetch(`${base}/broken`, { method: 'POST', body: '{}' })).status).toBe(500);
    const big = await fetch(`${base}/zalo-bot/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Buffer.alloc(2_000_000, 32),
    });
    expect(big.status).toBe(413);
    expect(seen).toHaveLength(3);

    const css = await fetch(`${base}/tai-nguyen/dashboard.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const chart = await fetch(`${base}/tai-nguyen/chart.umd.min.js`);
    expect(chart.status).toBe(200);
    expect((await chart.text()).length).toBeGreaterThan(100_000);
    const missing = await fetch(`${base}/tai-nguyen/../../package.json`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Không tìm thấy trang');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${base}/readyz`)).text()).toBe('ready');
  });
});

import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { createTelegramWebhookReceiver } from '../../src/channels/telegram/telegram-webhook-receiver.js';
import { createLogger } from '../../src/config/logger.js';
import { ManualClock } from '../../src/domain/clock.js';
import { createHttpServer } from '../../src/web/http-server.js';
import { describeEachDatabase } from '../support/test-database.js';

const SECRET = 'test_secret-0123456789';

describeEachDatabase('the webhook endpoint', (database) => {
  it('stores updates only with the right secret header, once per update id', async () => {
    const { db } = database();
    let stored = 0;
    const logger = createLogger('silent');
    const receiver = createTelegramWebhookReceiver({
      path: '/telegram/hook',
      secret: SECRET,
      db,
      clock: new ManualClock('2025-03-10T09:00:00+07:00'),
      logger,
      onStored: () => stored++,
    });
    const { server } = createHttpServer({ db, logger, receivers: [receiver] });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const update = {
      update_id: 42,
      message: { message_id: 1, date: 0, chat: { id: 5, type: 'private' }, text: 'hi' },
    };
    const post = (path: string, secret: string | undefined, body: unknown = update) =>
      fetch(`${url}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}),
        },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
    try {
      expect((await post('/telegram/hook', undefined)).status).toBe(401);
      expect((await post('/telegram/hook', `${SECRET}x`)).status).toBe(401);
      expect((await post('/telegram/hook', 'wrong')).status).toBe(401);
      expect(await db.selectFrom('inbox').selectAll().execute()).toEqual([]);

      expect((await post('/elsewhere', SECRET)).status).toBe(404);
      expect((await post('/telegram/hook', SECRET, '{not json')).status).toBe(400);
      // Update ids a database bigint cannot hold, or that are not integers, are the sender's mistake.
      for (const bad of [1.5, 1e300, -1, '42', null]) {
        expect((await post('/telegram/hook', SECRET, { ...update, update_id: bad })).status).toBe(400);
      }
      expect((await post('/telegram/hook', SECRET)).status).toBe(200);
      expect((await post('/telegram/hook', SECRET)).status).toBe(200);
      const rows = await db.selectFrom('inbox').select(['update_id', 'status']).execute();
      expect(rows).toEqual([{ update_id: 42, status: 'pending' }]);
      expect(stored).toBe(2);
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
    } finally {
      server.close();
    }
  });
});

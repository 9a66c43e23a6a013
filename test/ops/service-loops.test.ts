import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ServiceLoops } from '../../src/service-loops.js';
import { createLogger } from '../../src/config/logger.js';
import { ServiceFailedError } from '../../src/domain/errors.js';
import { createHttpServer } from '../../src/web/http-server.js';
import { describeEachDatabase } from '../support/test-database.js';

const logger = createLogger('silent');
/** A loop that runs until told to stop. */
const idleLoop = (signal: AbortSignal) =>
  new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));

describe('the service loops under one supervisor', () => {
  it('stops every loop and fails when one loop throws', async () => {
    const outer = new AbortController();
    const loops = new ServiceLoops(outer.signal, logger);
    let fail: (error: Error) => void = () => undefined;
    loops.add('processor', idleLoop(loops.signal));
    loops.add('sender', new Promise<void>((_, reject) => (fail = reject)));
    loops.add('scheduler', idleLoop(loops.signal));
    loops.markStarted();
    expect(loops.running()).toBe(true);
    fail(new Error('driver has already been destroyed'));
    const error = await loops.wait().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceFailedError);
    expect((error as ServiceFailedError).stage).toBe('sender');
    expect((error as Error).message).toContain('«sender» ngừng chạy');
    expect(loops.signal.aborted).toBe(true);
    expect(loops.alive()).toBe(false);
    expect(outer.signal.aborted).toBe(false);
  });

  it('fails when a loop returns on its own, and not when the operator stops the service', async () => {
    const early = new ServiceLoops(new AbortController().signal, logger);
    early.add('poller', Promise.resolve());
    early.add('processor', idleLoop(early.signal));
    await expect(early.wait()).rejects.toThrow('«poller»');

    const outer = new AbortController();
    const clean = new ServiceLoops(outer.signal, logger);
    clean.add('processor', idleLoop(clean.signal));
    clean.markStarted();
    outer.abort();
    await expect(clean.wait()).resolves.toBeUndefined();
  });
});

describeEachDatabase('the webhook server health endpoints', (database) => {
  it('answers /healthz and /readyz from the loops and the database', async () => {
    const state = { alive: true, running: false };
    const { server } = createHttpServer({
      db: database().db,
      logger,
      receivers: [],
      health: { alive: () => state.alive, running: () => state.running },
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const get = async (path: string) => {
      const res = await fetch(`http://127.0.0.1:${port}${path}`);
      return `${res.status} ${await res.text()}`;
    };
    try {
      // Starting: alive, not ready yet.
      expect(await get('/healthz')).toBe('200 ok');
      expect(await get('/readyz')).toBe('503 loops not running');
      state.running = true;
      expect(await get('/readyz')).toBe('200 ready');
      // A loop died: neither live nor ready, so the supervisor restarts and the proxy stops sending.
      state.alive = false;
      state.running = false;
      expect(await get('/healthz')).toBe('503 stopped');
      expect(await get('/readyz')).toBe('503 loops not running');
    } finally {
      server.close();
    }
  });
});

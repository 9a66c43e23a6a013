import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../config/logger.js';
import type { Campaign } from '../domain/campaign.js';
import type { Clock } from '../domain/clock.js';
import type { Db } from '../db/database.js';
import type { MediaSigning } from '../services/web-media.service.js';
import { createHttpServer } from './http-server.js';
import { createWebDeps, type WebDeps } from './web-deps.js';
import { registerWebRoutes } from './web-routes.js';

/** The web side alone on 127.0.0.1, and what a channel needs to sign addresses on it. */
export interface LoopbackWebSide {
  readonly server: Server;
  readonly baseUrl: string;
  readonly signing: MediaSigning;
  close(): Promise<void>;
}

/**
 * The web side on 127.0.0.1 (`port`, or a free one), over a database and a clock, with no webhook: for
 * the demo and the tests, where a fake platform fetches its addresses (Zalo's photos) and simulated
 * people open its links. The routes need the address, known once the server listens, so they are
 * registered after it; requests wait for them, as in `sohoa start`.
 */
export async function startLoopbackWebSide(options: {
  db: Db;
  clock: Clock;
  logger: Logger;
  campaigns: readonly Campaign[];
  port?: number;
}): Promise<LoopbackWebSide> {
  const { db, clock, logger } = options;
  let depsOf: (deps: WebDeps) => void = () => undefined;
  const depsReady = new Promise<WebDeps>((resolve) => (depsOf = resolve));
  const { server, ready } = createHttpServer({
    db,
    logger,
    receivers: [],
    web: async (app) => registerWebRoutes(app, await depsReady),
  });
  server.listen(options.port ?? 0, '127.0.0.1');
  await once(server, 'listening');
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const deps = await createWebDeps({
    db,
    clock,
    logger,
    baseUrl,
    configuredSecret: undefined,
    campaigns: options.campaigns,
  });
  depsOf(deps);
  await ready;
  return {
    server,
    baseUrl,
    signing: { baseUrl, secret: deps.secret },
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

import { once } from 'node:events';
import { createLogger } from '../../../src/config/logger.js';
import type { ManualClock } from '../../../src/domain/clock.js';
import type { Db } from '../../../src/db/database.js';
import { getCampaign } from '../../../src/services/campaign.service.js';
import { createHttpServer } from '../../../src/web/http-server.js';
import { createWebDeps } from '../../../src/web/web-deps.js';
import { registerWebRoutes } from '../../../src/web/web-routes.js';
import { freePort } from '../../ops/sohoa-process.js';

/** The web side on 127.0.0.1 over the test's database and ManualClock, for Zalo tests that need its URLs. */
export interface WebSide {
  readonly baseUrl: string;
  readonly signing: { readonly baseUrl: string; readonly secret: string };
  close(): Promise<void>;
}

/** Its port is known before it listens, so the bot's WEB_BASE_URL can be given first (`baseUrlFor`). */
export async function reserveWebSide(): Promise<{
  baseUrl: string;
  start(db: Db, clock: ManualClock): Promise<WebSide>;
}> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    async start(db, clock) {
      const logger = createLogger('silent');
      const deps = await createWebDeps({
        db,
        clock,
        logger,
        baseUrl,
        configuredSecret: undefined,
        campaigns: [await getCampaign(db)],
      });
      const { server } = createHttpServer({
        db,
        logger,
        receivers: [],
        web: (app) => registerWebRoutes(app, deps),
      });
      server.listen(port, '127.0.0.1');
      await once(server, 'listening');
      return {
        baseUrl,
        signing: { baseUrl, secret: deps.secret },
        close: () => new Promise<void>((resolve) => server.close(() => resolve())),
      };
    },
  };
}

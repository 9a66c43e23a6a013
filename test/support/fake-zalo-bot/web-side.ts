import { createLogger } from '../../../src/config/logger.js';
import type { ManualClock } from '../../../src/domain/clock.js';
import type { Db } from '../../../src/db/database.js';
import { getCampaign } from '../../../src/services/campaign.service.js';
import { startLoopbackWebSide } from '../../../src/web/loopback-web-side.js';
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
      const side = await startLoopbackWebSide({
        db,
        clock,
        logger: createLogger('silent'),
        campaigns: [await getCampaign(db)],
        port,
      });
      return { baseUrl, signing: side.signing, close: () => side.close() };
    },
  };
}

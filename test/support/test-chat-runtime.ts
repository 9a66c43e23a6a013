import { createChatRuntime, type ChatRuntime } from '../../src/bot/chat-runtime.js';
import { channelSet, type Channel } from '../../src/channels/channel.js';
import { createLogger } from '../../src/config/logger.js';
import type { Campaign } from '../../src/domain/campaign.js';
import type { ManualClock } from '../../src/domain/clock.js';
import type { Db } from '../../src/db/database.js';

/**
 * The chat runtime as the tests run it over their channels and campaigns (the default first): silent,
 * and a failed send retried after 1 ms, so that stepping the manual clock never waits on a back-off.
 */
export function testChatRuntime(deps: {
  db: Db;
  clock: ManualClock;
  channels: Channel[];
  campaigns: readonly Campaign[];
  webBaseUrl?: string | undefined;
}): ChatRuntime {
  const { db, clock, campaigns, webBaseUrl } = deps;
  return createChatRuntime({
    db,
    clock,
    campaigns,
    channels: channelSet(...deps.channels),
    logger: createLogger('silent'),
    senderOptions: { backoffMs: 1 },
    ...(webBaseUrl === undefined ? {} : { webBaseUrl }),
  });
}

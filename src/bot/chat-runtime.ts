import type { ChannelSet } from '../channels/channel.js';
import type { Logger } from '../config/logger.js';
import type { Campaign } from '../domain/campaign.js';
import type { Clock } from '../domain/clock.js';
import type { Db } from '../db/database.js';
import { OutboxSender } from '../outbox/outbox-sender.js';
import type { SenderOptions } from '../outbox/sender-options.js';
import { createChatBot } from './chat-bot.js';
import { InboxProcessor } from './inbox-processor.js';

/** The two halves of chat handling for a set of channels: updates in, replies out. */
export interface ChatRuntime {
  readonly processor: InboxProcessor;
  readonly sender: OutboxSender;
}

/**
 * Wires the inbox processor (with the chat features) and the outbox sender over the same channels; a
 * handled update wakes the sender at once. The service, the demo and the tests build it the same way.
 */
export function createChatRuntime(deps: {
  db: Db;
  channels: ChannelSet;
  /** One campaign, or `campaigns`: every campaign the deployment serves, the default first. */
  campaign?: Campaign;
  campaigns?: readonly Campaign[];
  clock: Clock;
  logger: Logger;
  senderOptions?: Partial<SenderOptions>;
  /** The web side's public address (WEB_BASE_URL): `/web` answers with links on it. */
  webBaseUrl?: string;
}): ChatRuntime {
  const { db, channels, clock, logger } = deps;
  const campaigns = deps.campaigns ?? (deps.campaign ? [deps.campaign] : []);
  const sender = new OutboxSender({ db, channels, clock, logger }, deps.senderOptions);
  const processor = new InboxProcessor({
    db,
    channels,
    bot: createChatBot({ logger, ...(deps.webBaseUrl ? { webBaseUrl: deps.webBaseUrl } : {}) }),
    campaigns,
    clock,
    logger,
    onHandled: () => sender.notify(),
  });
  return { processor, sender };
}

import type { Channel, ChannelSet } from '../channels/channel.js';
import type { ChatMessage } from '../channels/chat-message.js';
import type { Logger } from '../config/logger.js';
import type { Campaign } from '../domain/campaign.js';
import type { Clock } from '../domain/clock.js';
import type { Db } from '../db/database.js';
import {
  findNextPendingUpdate,
  lockPendingUpdate,
  markInboxDone,
  recordInboxFailure,
} from '../db/inbox.repository.js';
import type { InboxRow } from '../db/inbox.table.js';
import { enqueueOutbox } from '../db/outbox.repository.js';
import { botMessages } from '../messages/common-messages.js';
import { IdleWait } from '../outbox/idle-wait.js';
import { resolveCampaignRoute, type CampaignRoute } from '../services/campaign-route.service.js';
import type { ChatBot } from './chat-bot.js';
import { holdAndAsk, releaseIfHeld, routeInputOf } from './campaign-routing.js';
import { membershipOf } from './membership.js';
import type { PreparedWork } from './prepared-work.js';
import { buildUpdateDeps } from './update-deps.js';

/** How many times an update is tried before it is parked as failed. */
export const MAX_UPDATE_ATTEMPTS = 5;

/** What the processor needs. */
export interface InboxProcessorDeps {
  readonly db: Db;
  readonly channels: ChannelSet;
  readonly bot: ChatBot;
  /** The one campaign served (the shape before a deployment could serve several)… */
  readonly campaign?: Campaign;
  /** …or every campaign served, the default first: each update's campaign is resolved from its sender. */
  readonly campaigns?: readonly Campaign[];
  readonly clock: Clock;
  readonly logger: Logger;
  /** Called after an update committed (its replies are in the outbox): wakes the sender. */
  readonly onHandled?: () => void;
}

/**
 * Handles stored updates of every channel one at a time, in two phases: the slow work (downloads,
 * inspection, rendering) first, outside any transaction; then the handlers in one short transaction
 * together with the update's "done" mark. A crash or a throw rolls the second phase back and leaves the
 * update pending, to be prepared and handled again.
 */
export class InboxProcessor {
  readonly #idleWait = new IdleWait();
  readonly #platforms: string[];
  readonly #campaigns: readonly Campaign[];

  constructor(private readonly deps: InboxProcessorDeps) {
    this.#platforms = [...deps.channels.keys()];
    this.#campaigns = deps.campaigns ?? (deps.campaign ? [deps.campaign] : []);
    if (this.#campaigns.length === 0) throw new Error('the inbox processor needs at least one campaign');
  }

  /** Every campaign served, the default first. */
  get campaigns(): readonly Campaign[] {
    return this.#campaigns;
  }

  /** Handles the oldest pending update; false when there was none. */
  async processOne(): Promise<boolean> {
    // An update another instance holds is skipped: the next pending one is tried instead.
    for (let afterId = 0; ;) {
      const row = await findNextPendingUpdate(this.deps.db, this.#platforms, afterId);
      if (!row) return false;
      const outcome = await this.#process(row);
      if (outcome !== 'taken_elsewhere') return true;
      afterId = row.id;
    }
  }

  async #process(row: InboxRow): Promise<'handled' | 'failed' | 'taken_elsewhere'> {
    const { db } = this.deps;
    const channel = this.deps.channels.get(row.platform);
    if (!channel) return 'taken_elsewhere';
    let handled = false;
    try {
      const message = channel.toChatMessage(row.payload);
      const route = message
        ? await resolveCampaignRoute(db, this.#campaigns, routeInputOf(message, channel.limits))
        : undefined;
      const prepared =
        message && route?.kind === 'campaign' ? await this.#prepare(message, channel, route.campaign) : {};
      await db.transaction().execute(async (trx) => {
        // Another instance may have taken or finished it while this one prepared: then it is theirs.
        const locked = await lockPendingUpdate(trx, row.id);
        if (!locked) return;
        if (message && route) {
          const outcome = await this.#dispatch(trx, locked, message, channel, prepared, route);
          // The sender chose a campaign meanwhile: left pending, the update is prepared for it next time.
          if (outcome === 'again') return;
        }
        await markInboxDone(trx, locked.id, this.deps.clock.now());
        handled = true;
      });
    } catch (error) {
      await this.#recordFailure(row, channel, error);
      return 'failed';
    }
    if (!handled) return 'taken_elsewhere';
    this.deps.onHandled?.();
    await channel.acknowledge(row.payload).catch((error: unknown) => {
      this.deps.logger.debug({ err: error }, 'acknowledging an update failed');
    });
    return 'handled';
  }

  /** Handles every pending update; returns how many were taken. */
  async drain(): Promise<number> {
    let count = 0;
    while (await this.processOne()) count++;
    return count;
  }

  /** Wakes the loop at once (an update was just stored). */
  notify(): void {
    this.#idleWait.wake();
  }

  /** Runs until `signal` aborts, waking on notify() or every `idleMs`. */
  async run(signal: AbortSignal, idleMs = 1000): Promise<void> {
    while (!signal.aborted) {
      try {
        if (await this.processOne()) continue;
      } catch (error) {
        this.deps.logger.error({ err: error }, 'inbox processing failed');
      }
      await this.#idleWait.wait(idleMs, signal);
    }
  }

  async #prepare(message: ChatMessage, channel: Channel, campaign: Campaign): Promise<PreparedWork> {
    const { db, clock, bot } = this.deps;
    const membership = await membershipOf(db, campaign.id, message);
    return bot.prepare(message, {
      db,
      campaign,
      clock,
      channel,
      member: membership?.member,
      unit: membership?.unit,
      enqueueNow: async (messages) => {
        await db.transaction().execute((trx) => enqueueOutbox(trx, messages, clock.now()));
        this.deps.onHandled?.();
      },
    });
  }

  async #dispatch(
    trx: Db,
    row: InboxRow,
    message: ChatMessage,
    channel: Channel,
    prepared: PreparedWork,
    route: CampaignRoute,
  ): Promise<'done' | 'again'> {
    if (route.kind === 'ask') {
      // Asked outside the transaction: a choice committed since (another instance) must win.
      const now = await resolveCampaignRoute(trx, this.#campaigns, routeInputOf(message, channel.limits));
      if (now.kind === 'campaign') return 'again';
      await holdAndAsk(trx, {
        inboxId: row.id,
        message,
        candidates: route.candidates,
        now: this.deps.clock.now(),
        limits: channel.limits,
      });
      return 'done';
    }
    const { campaign } = route;
    const { clock, bot } = this.deps;
    // Held messages of someone who no longer has to choose (a membership ended, or a choice made by
    // another instance) are handed back, to be handled after this one.
    if (route.reason === 'member' || route.reason === 'choice') await releaseIfHeld(trx, message);
    const membership = await membershipOf(trx, campaign.id, message);
    const sohoa = buildUpdateDeps({
      trx,
      inboxId: row.id,
      message,
      channel,
      campaign,
      campaigns: this.#campaigns,
      clock,
      membership,
      prepared,
    });
    await bot.handle({ message, sohoa, match: undefined });
    return 'done';
  }

  async #recordFailure(row: InboxRow, channel: Channel, error: unknown): Promise<void> {
    const { db, logger, clock } = this.deps;
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    logger.error(
      { err: error, updateId: row.update_id, attempts: row.attempts + 1 },
      'update handler failed',
    );
    await recordInboxFailure(db, row.id, message, MAX_UPDATE_ATTEMPTS);
    if (row.attempts + 1 < MAX_UPDATE_ATTEMPTS) return;
    // Given up: tell the person, so a report they think was sent is not silently missing.
    const chatId = channel.chatIdOf(row.payload);
    if (chatId === undefined) return;
    await enqueueOutbox(
      db,
      [
        {
          dedupeKey: `${row.platform}:update:${row.update_id}:failed`,
          platform: row.platform,
          chatId,
          kind: 'text',
          payload: { text: botMessages.internalError },
        },
      ],
      clock.now(),
    );
  }
}

import type { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { Logger } from '../config/logger.js';
import type { Clock } from '../domain/clock.js';
import type { Db } from '../db/database.js';
import { lockNextPendingUpdate, markInboxDone, recordInboxFailure } from '../db/inbox.repository.js';
import { enqueueOutbox } from '../db/outbox.repository.js';
import type { InboxRow } from '../db/messaging.table.js';
import type { SohoaContext } from './bot-context.js';
import { botMessages } from '../messages/common-messages.js';
import { runInUpdateScope } from './update-scope.js';

/** How many times an update is tried before it is parked as failed. */
export const MAX_UPDATE_ATTEMPTS = 5;

/**
 * Handles stored updates one at a time, each in its own transaction together with its "done" mark:
 * a crash or a throw rolls everything back and leaves the update pending, to be handled again.
 */
export class InboxProcessor {
  #wake: (() => void) | undefined;

  constructor(
    private readonly deps: {
      db: Db;
      bot: Telegraf<SohoaContext>;
      clock: Clock;
      logger: Logger;
      /** Called after an update committed (its replies are in the outbox): wakes the sender. */
      onHandled?: () => void;
    },
  ) {}

  /** Handles the oldest pending update; false when there was none. */
  async processOne(): Promise<boolean> {
    const { db, bot, clock } = this.deps;
    let claimed: InboxRow | undefined;
    try {
      await db.transaction().execute(async (trx) => {
        claimed = await lockNextPendingUpdate(trx, 'telegram');
        if (!claimed) return;
        const row = claimed;
        await runInUpdateScope({ db: trx, inboxId: row.id }, () => bot.handleUpdate(row.payload as Update));
        await markInboxDone(trx, row.id, clock.now());
      });
    } catch (error) {
      if (!claimed) throw error;
      await this.#recordFailure(claimed, error);
      return true;
    }
    if (!claimed) return false;
    this.deps.onHandled?.();
    await this.#acknowledgeCallback(claimed.payload as Update);
    return true;
  }

  /** Handles every pending update; returns how many were handled. */
  async drain(): Promise<number> {
    let count = 0;
    while (await this.processOne()) count++;
    return count;
  }

  /** Wakes the loop at once (an update was just stored). */
  notify(): void {
    this.#wake?.();
  }

  /** Runs until `signal` aborts, waking on notify() or every `idleMs`. */
  async run(signal: AbortSignal, idleMs = 1000): Promise<void> {
    while (!signal.aborted) {
      try {
        if (await this.processOne()) continue;
      } catch (error) {
        this.deps.logger.error({ err: error }, 'inbox processing failed');
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, idleMs);
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
        signal.addEventListener('abort', () => this.#wake?.(), { once: true });
      });
      this.#wake = undefined;
    }
  }

  async #recordFailure(row: InboxRow, error: unknown): Promise<void> {
    const { db, logger, clock } = this.deps;
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    logger.error(
      { err: error, updateId: row.update_id, attempts: row.attempts + 1 },
      'update handler failed',
    );
    await recordInboxFailure(db, row.id, message, MAX_UPDATE_ATTEMPTS);
    if (row.attempts + 1 < MAX_UPDATE_ATTEMPTS) return;
    // Given up: tell the person, so a report they think was sent is not silently missing.
    const update = row.payload as Update;
    const chatId =
      'message' in update
        ? update.message.chat.id
        : 'callback_query' in update
          ? update.callback_query.message?.chat.id
          : undefined;
    if (chatId === undefined) return;
    await enqueueOutbox(
      db,
      [
        {
          dedupeKey: `telegram:update:${row.update_id}:failed`,
          platform: 'telegram',
          chatId: String(chatId),
          kind: 'text',
          payload: { text: botMessages.internalError },
        },
      ],
      clock.now(),
    );
  }

  async #acknowledgeCallback(update: Update): Promise<void> {
    if (!('callback_query' in update)) return;
    // Only stops the button's spinner; losing it costs nothing, so it is not worth an outbox row.
    await this.deps.bot.telegram.answerCbQuery(update.callback_query.id).catch((error: unknown) => {
      this.deps.logger.debug({ err: error }, 'answerCallbackQuery failed');
    });
  }
}

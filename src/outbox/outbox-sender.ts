import type { Telegram } from 'telegraf';
import type { Logger } from '../config/logger.js';
import type { Clock } from '../domain/clock.js';
import type { Db } from '../db/database.js';
import type { OutboxRow } from '../db/messaging.table.js';
import { deactivateMembersByChat } from '../db/member.repository.js';
import {
  claimDueOutbox,
  markOutboxFailed,
  markOutboxSent,
  rescheduleOutbox,
} from '../db/outbox.repository.js';
import { classifyDeliveryError } from './delivery-error.js';
import { deliverToTelegram } from './telegram-delivery.js';

/** Sender settings. */
export interface SenderOptions {
  /** How long a claimed row is reserved for this sender before another may retry it. */
  readonly leaseMs: number;
  readonly batchSize: number;
  readonly maxAttempts: number;
  /** Base of the exponential backoff after a 5xx or a network error. */
  readonly backoffMs: number;
}

/** Defaults for production. */
export const DEFAULT_SENDER_OPTIONS: SenderOptions = {
  leaseMs: 60_000,
  batchSize: 20,
  maxAttempts: 8,
  backoffMs: 1000,
};

/**
 * Delivers outbox rows through the Telegram API. Rows are claimed with a lease (several senders never
 * hold the same row), delivered in order per chat, and marked sent only after Telegram accepted them.
 */
export class OutboxSender {
  #wake: (() => void) | undefined;
  readonly options: SenderOptions;

  constructor(
    private readonly deps: { db: Db; telegram: Telegram; clock: Clock; logger: Logger },
    options: Partial<SenderOptions> = {},
  ) {
    this.options = { ...DEFAULT_SENDER_OPTIONS, ...options };
  }

  /** Claims and delivers one batch; returns how many rows it tried. */
  async sendBatch(): Promise<number> {
    const { db, clock } = this.deps;
    const rows = await claimDueOutbox(db, clock.now(), this.options.leaseMs, this.options.batchSize);
    for (const row of rows) await this.#deliver(row);
    return rows.length;
  }

  /** Sends until nothing is due. */
  async drain(): Promise<number> {
    let total = 0;
    for (let n = await this.sendBatch(); n > 0; n = await this.sendBatch()) total += n;
    return total;
  }

  /** Wakes the loop (something was enqueued). */
  notify(): void {
    this.#wake?.();
  }

  /** Runs until `signal` aborts. */
  async run(signal: AbortSignal, idleMs = 500): Promise<void> {
    while (!signal.aborted) {
      try {
        if ((await this.sendBatch()) > 0) continue;
      } catch (error) {
        this.deps.logger.error({ err: error }, 'outbox batch failed');
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

  async #deliver(row: OutboxRow): Promise<void> {
    const { db, telegram, clock, logger } = this.deps;
    let result: unknown;
    try {
      result = await deliverToTelegram(telegram, row);
    } catch (error) {
      const failure = classifyDeliveryError(error);
      const message = error instanceof Error ? error.message : String(error);
      logger.warn(
        { outboxId: row.id, chatId: row.chat_id, failure, attempts: row.attempts },
        'delivery failed',
      );
      if (failure.kind === 'blocked') {
        await markOutboxFailed(db, row.id, message);
        await deactivateMembersByChat(db, row.platform, row.chat_id, clock.now());
      } else if (failure.kind === 'permanent' || row.attempts >= this.options.maxAttempts) {
        await markOutboxFailed(db, row.id, message);
      } else {
        const delay =
          failure.kind === 'retry_after'
            ? failure.seconds * 1000
            : this.options.backoffMs * 2 ** Math.min(row.attempts - 1, 8) * (0.5 + Math.random());
        await rescheduleOutbox(db, row.id, new Date(clock.now().getTime() + delay), message);
      }
      return;
    }
    await markOutboxSent(db, row.id, clock.now(), result);
  }
}

import { getMaxListeners, setMaxListeners } from 'node:events';
import type { ChannelSet, DeliveryFailure } from '../channels/channel.js';
import type { Logger } from '../config/logger.js';
import type { Clock, TimeSource } from '../domain/clock.js';
import type { Db } from '../db/database.js';
import type { OutboxRow } from '../db/outbox.table.js';
import {
  claimOutboxHeads,
  nextOutboxDueAt,
  releaseOutboxClaim,
  settleOutboxClaim,
} from '../db/outbox.repository.js';
import { deactivateRecipient } from '../services/member.service.js';
import { describeDeliveryError } from './delivery-error.js';
import { IdleWait } from './idle-wait.js';
import { retryDelayMs } from './retry-backoff.js';
import { passSendGate } from './send-gate.js';
import { SenderActivity } from './sender-activity.js';
import { senderTimeSource } from './sender-time-source.js';
import { SendRateLimiter, type SendLimits, type SendPermit, type SendTarget } from './send-rate-limiter.js';
import { DEFAULT_SEND_LIMITS, DEFAULT_SENDER_OPTIONS, type SenderOptions } from './sender-options.js';
import { resolveEditReference } from './edit-reference.js';

/** What the sender needs. */
export interface SenderDeps {
  readonly db: Db;
  /** The channels rows go out through, by platform. */
  readonly channels: ChannelSet;
  /** Also the sender's time source: a clock that can `sleep` (TimeSource) paces the limits on its own time. */
  readonly clock: Clock | TimeSource;
  readonly logger: Logger;
}

/** What happened to one claimed row, for counts and tests. */
export type DeliveryResult = 'sent' | 'retry' | 'failed' | 'released' | 'lost_lease';

/**
 * Delivers outbox rows through their channel (by the row's platform) within the flood limits. Rows are
 * claimed with a lease (FOR UPDATE SKIP LOCKED: several senders never hold the same row), one per chat at
 * a time (so each chat's messages keep their order), and marked sent only after the platform accepted them.
 */
export class OutboxSender {
  readonly #idleWait = new IdleWait();
  /** Set by notify() so that a wake-up arriving before the loop starts waiting is not lost. */
  #notified = false;
  readonly #limiter: SendRateLimiter;
  readonly #time: TimeSource;
  readonly options: SenderOptions;
  /** For steppers that drive a virtual clock: what the deliveries are waiting for. */
  readonly activity = new SenderActivity();

  constructor(
    private readonly deps: SenderDeps,
    options: Partial<SenderOptions> = {},
  ) {
    this.options = { ...DEFAULT_SEND_LIMITS, ...DEFAULT_SENDER_OPTIONS, ...options };
    const { leaseMs, requestTimeoutMs, maxChatWaitMs } = this.options;
    // A lease shorter than one delivery could end while the call is in flight: a second sender would resend.
    if (leaseMs < requestTimeoutMs + maxChatWaitMs + 10_000) {
      throw new RangeError(
        `leaseMs (${leaseMs}) must exceed requestTimeoutMs + maxChatWaitMs + 10 s (${requestTimeoutMs + maxChatWaitMs + 10_000})`,
      );
    }
    // One time source for the limits, the gate's waits, backoff and due times.
    this.#time = senderTimeSource(deps.clock);
    this.#limiter = new SendRateLimiter(this.options satisfies SendLimits, () => this.#time.now().getTime());
  }

  /** Claims one batch and delivers it; returns how many rows it claimed. */
  async sendBatch(signal?: AbortSignal): Promise<number> {
    const rows = await this.#claim(this.options.batchSize);
    await Promise.all(rows.map((row) => this.#deliverLogged(row, signal)));
    return rows.length;
  }

  /** Sends until nothing is due; returns how many rows it claimed. */
  async drain(signal?: AbortSignal): Promise<number> {
    let total = 0;
    for (let n = await this.sendBatch(signal); n > 0; n = await this.sendBatch(signal)) total += n;
    return total;
  }

  /** Wakes the loop (something was enqueued). */
  notify(): void {
    this.#notified = true;
    this.#idleWait.wake();
  }

  /**
   * Runs until `signal` aborts, keeping up to `maxInFlight` deliveries going: a slow call does not hold
   * up the others. On abort, rows still waiting for the rate limits go back to the queue at once.
   */
  async run(signal: AbortSignal, idleMs = 500): Promise<void> {
    // Each delivery waiting for the rate limits listens for the abort: more than Node's default of 10.
    setMaxListeners(Math.max(getMaxListeners(signal), 2 * this.options.maxInFlight + 10), signal);
    const inFlight = new Set<Promise<void>>();
    while (!signal.aborted) {
      let claimed = 0;
      const room = this.options.maxInFlight - inFlight.size;
      // Claim in batches, not a row each time one finishes: every claim is a query over the backlog.
      if (inFlight.size === 0 || room >= Math.min(this.options.batchSize, this.options.maxInFlight / 2)) {
        try {
          const rows = await this.#claim(Math.min(room, this.options.batchSize));
          claimed = rows.length;
          for (const row of rows) {
            const delivery: Promise<void> = this.#deliverLogged(row, signal).finally(() =>
              inFlight.delete(delivery),
            );
            inFlight.add(delivery);
          }
        } catch (error) {
          this.deps.logger.error({ err: error }, 'outbox claim failed');
        }
      }
      if (claimed > 0 && inFlight.size < this.options.maxInFlight / 2) continue;
      if (claimed > 0 || inFlight.size >= this.options.maxInFlight / 2) await Promise.race(inFlight);
      else await this.#idle(signal, inFlight, idleMs);
    }
    await Promise.all(inFlight);
  }

  #claim(limit: number): Promise<OutboxRow[]> {
    return claimOutboxHeads(this.deps.db, this.deps.clock.now(), this.options.leaseMs, limit);
  }

  /** Waits for a delivery to finish, notify(), abort, or the next due row (at most `maxMs`). */
  async #idle(signal: AbortSignal, inFlight: Set<Promise<void>>, maxMs: number): Promise<void> {
    let waitMs = maxMs;
    try {
      const due = await nextOutboxDueAt(this.deps.db);
      if (due) waitMs = Math.min(maxMs, Math.max(20, due.getTime() - this.deps.clock.now().getTime()));
    } catch (error) {
      this.deps.logger.error({ err: error }, 'outbox due time failed');
    }
    if (this.#notified) waitMs = 0;
    this.#notified = false;
    await this.#idleWait.wait(waitMs, signal, inFlight.size > 0 ? Promise.race(inFlight) : undefined);
  }

  async #deliverLogged(row: OutboxRow, signal?: AbortSignal): Promise<void> {
    try {
      await this.activity.running(() => this.deliver(row, signal));
    } catch (error) {
      // The database failed while recording: the lease runs out and the row is tried again.
      this.deps.logger.error({ err: error, outboxId: row.id }, 'outbox delivery bookkeeping failed');
    }
  }

  /** Delivers one claimed row and records the outcome; exposed for tests of crashes mid-batch. */
  async deliver(row: OutboxRow, signal?: AbortSignal): Promise<DeliveryResult> {
    const { db, channels, clock, logger } = this.deps;
    const claim = { id: row.id, leaseUntil: row.next_attempt_at };
    const channel = channels.get(row.platform);
    if (!channel) {
      // A row for a channel this process does not run (another instance may): leave it for a while.
      await releaseOutboxClaim(db, claim, new Date(clock.now().getTime() + 60_000));
      return 'released';
    }
    const sleep = (ms: number, abort?: AbortSignal) => this.activity.waiting(this.#time.sleep(ms, abort));
    const target = { key: `${row.platform}:${row.chat_id}`, kind: channel.chatKindOf(row.chat_id) };
    const gate = await passSendGate(this.#limiter, target, this.options.maxChatWaitMs, sleep, signal);
    if (gate.kind !== 'go') {
      const later = new Date(clock.now().getTime() + (gate.kind === 'later' ? gate.waitMs : 0));
      if (gate.kind === 'later') this.activity.held(later);
      await releaseOutboxClaim(db, claim, later);
      return 'released';
    }
    let result: unknown;
    try {
      const resolved = await resolveEditReference(db, row);
      result = await channel.deliver(resolved, AbortSignal.timeout(this.options.requestTimeoutMs));
    } catch (error) {
      return this.#failed(row, target.kind, claim, gate.permit, channel.classifyError(error), error);
    }
    gate.permit.complete();
    if (await settleOutboxClaim(db, claim, { status: 'sent', at: clock.now(), result })) return 'sent';
    logger.warn({ outboxId: row.id }, 'delivered after the lease ran out; another sender may repeat it');
    return 'lost_lease';
  }

  async #failed(
    row: OutboxRow,
    chat: SendTarget['kind'],
    claim: { id: number; leaseUntil: Date },
    permit: SendPermit,
    failure: DeliveryFailure,
    error: unknown,
  ): Promise<DeliveryResult> {
    const { db, clock, logger } = this.deps;
    const message = describeDeliveryError(error);
    const now = clock.now();
    logger.warn({ outboxId: row.id, failure, attempts: row.attempts }, 'delivery failed');
    // The platform did not count a refused call (429, or a 5xx it answered); any other may have been counted.
    if (failure.kind === 'retry_after' || (failure.kind === 'transient' && failure.status !== undefined)) {
      permit.refund();
    } else {
      permit.complete();
    }
    if (failure.kind === 'retry_after') {
      // The platform says when to try again: the row waits in the queue (holding back the chat's later
      // messages), and that try is not a new attempt.
      const later = new Date(now.getTime() + failure.seconds * 1000);
      this.activity.held(later);
      await releaseOutboxClaim(db, claim, later, message);
      return 'retry';
    }
    if (failure.kind === 'blocked') {
      await settleOutboxClaim(db, claim, { status: 'failed', error: message });
      await deactivateRecipient(db, { platform: row.platform, chatId: row.chat_id, chat }, now);
      return 'failed';
    }
    if (failure.kind === 'permanent' || row.attempts >= this.options.maxAttempts) {
      await settleOutboxClaim(db, claim, { status: 'failed', error: message });
      return 'failed';
    }
    const delay = retryDelayMs(row.attempts, this.options);
    await settleOutboxClaim(db, claim, {
      status: 'retry',
      nextAttemptAt: new Date(now.getTime() + delay),
      error: message,
    });
    return 'retry';
  }
}

import type { CampaignFile } from '../domain/campaign-file.js';
import type { SendLimits } from './send-rate-limiter.js';

/** How the sender claims, retries and paces. */
export interface SenderOptions extends SendLimits {
  /** How long a claimed row is reserved for this sender before another may retry it. */
  readonly leaseMs: number;
  /** Rows claimed per query. */
  readonly batchSize: number;
  /** Deliveries in progress at once in `run()` (each to a different chat). */
  readonly maxInFlight: number;
  /** Tries before a row is marked failed (429s and rate-limit waits do not count). */
  readonly maxAttempts: number;
  /** Base of the exponential backoff after a 5xx or a network error. */
  readonly backoffMs: number;
  readonly maxBackoffMs: number;
  /** One API call's limit; must stay well under the lease. */
  readonly requestTimeoutMs: number;
  /** A chat's rate-limit wait longer than this sends the row back to the queue instead of holding it. */
  readonly maxChatWaitMs: number;
}

/** Telegram's documented limits. */
export const DEFAULT_SEND_LIMITS: SendLimits = {
  globalPerSecond: 30,
  perChatPerSecond: 1,
  perChatBurst: 10,
  perGroupPerMinute: 20,
  marginMs: 5,
};

/** Defaults for production. */
export const DEFAULT_SENDER_OPTIONS: Omit<SenderOptions, keyof SendLimits> = {
  leaseMs: 60_000,
  batchSize: 30,
  maxInFlight: 30,
  maxAttempts: 8,
  backoffMs: 1000,
  maxBackoffMs: 300_000,
  requestTimeoutMs: 30_000,
  maxChatWaitMs: 1500,
};

/** The sender settings a campaign file sets (its `delivery` block). */
export function senderOptionsFromCampaign(settings: Pick<CampaignFile, 'delivery'>): Partial<SenderOptions> {
  const { globalPerSecond, perChatPerSecond, perChatBurst, perGroupPerMinute, maxAttempts, leaseSeconds } =
    settings.delivery;
  const leaseMs = leaseSeconds * 1000;
  // One call, a chat's wait and the bookkeeping must end inside the lease (the sender checks it), or a
  // slow send could be retried by another instance while it is still under way.
  const requestTimeoutMs = Math.min(
    DEFAULT_SENDER_OPTIONS.requestTimeoutMs,
    leaseMs - DEFAULT_SENDER_OPTIONS.maxChatWaitMs - 11_000,
  );
  return {
    globalPerSecond,
    perChatPerSecond,
    perChatBurst,
    perGroupPerMinute,
    maxAttempts,
    leaseMs,
    requestTimeoutMs,
  };
}

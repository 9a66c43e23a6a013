import { BotApiError, serverError, tooManyRequests } from './bot-api-error.js';
import { isMessageMethod } from './method-kinds.js';
import { seededRandom } from './seeded-random.js';

/** A failure to return instead of running the method. */
export type Fault =
  | { readonly code: 429; readonly retryAfter: number }
  | { readonly code: 500 | 502 | 503 | 504; readonly description?: string }
  | { readonly code: 400 | 401 | 403 | 404 | 409; readonly description: string };

/** Random failures: each eligible call fails with probability `rate`, with a code drawn from `codes`. */
export interface RandomFaults {
  readonly rate: number;
  readonly codes: readonly (429 | 500 | 502 | 503 | 504)[];
  /** Same seed, same sequence of calls → same failures. */
  readonly seed: number;
  /** Methods that may fail; default: every method that sends, edits, answers or deletes. */
  readonly methods?: readonly string[];
  /** `retry_after` for random 429s, in seconds (default 1). */
  readonly retryAfter?: number;
}

interface QueuedFault {
  readonly method: string;
  readonly fault: Fault;
  remaining: number;
}

/** Decides, per call, whether the fake answers with an injected failure. */
export class FaultInjector {
  readonly #queued: QueuedFault[] = [];
  #random: { readonly config: RandomFaults; readonly next: () => number } | undefined;

  /** Fail the next `times` calls of `method` (`'*'`: any method but getUpdates) with `fault`. */
  failNext(method: string, fault: Fault, times = 1): void {
    if (!Number.isInteger(times) || times < 1)
      throw new RangeError(`times must be a positive integer, got ${times}`);
    this.#queued.push({ method, fault, remaining: times });
  }

  /** Turn random failures on (or off with `null`). */
  setRandom(config: RandomFaults | null): void {
    if (config === null) {
      this.#random = undefined;
      return;
    }
    if (!(config.rate >= 0 && config.rate <= 1))
      throw new RangeError(`rate must be within [0, 1], got ${config.rate}`);
    if (config.codes.length === 0) throw new RangeError('codes must not be empty');
    this.#random = { config, next: seededRandom(config.seed) };
  }

  /** The failure for this call, if any; consumes one queued fault. */
  take(method: string): BotApiError | undefined {
    // Never fail polling through the wildcard: telegraf sleeps 5 s after a failed getUpdates.
    const index = this.#queued.findIndex(
      (q) => q.method === method || (q.method === '*' && method !== 'getUpdates'),
    );
    const queued = this.#queued[index];
    if (queued !== undefined) {
      queued.remaining -= 1;
      if (queued.remaining === 0) this.#queued.splice(index, 1);
      return toError(queued.fault);
    }
    return this.#randomFault(method);
  }

  #randomFault(method: string): BotApiError | undefined {
    const random = this.#random;
    if (random === undefined) return undefined;
    const { config } = random;
    const eligible = config.methods === undefined ? isMessageMethod(method) : config.methods.includes(method);
    if (!eligible || random.next() >= config.rate) return undefined;
    const code = config.codes[Math.floor(random.next() * config.codes.length)] ?? 500;
    return code === 429 ? tooManyRequests(config.retryAfter ?? 1) : serverError(code);
  }
}

function toError(fault: Fault): BotApiError {
  switch (fault.code) {
    case 429:
      return tooManyRequests(fault.retryAfter);
    case 500:
    case 502:
    case 503:
    case 504:
      return fault.description === undefined
        ? serverError(fault.code)
        : new BotApiError(fault.code, fault.description);
    default:
      return new BotApiError(fault.code, fault.description);
  }
}

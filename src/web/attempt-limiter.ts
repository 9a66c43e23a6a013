import type { Clock } from '../domain/clock.js';

/**
 * A sliding-window count of attempts per key (a client address), in memory: link tokens are 256 random
 * bits, so the limit is about keeping noise out of the database, not about guessing. Old keys are
 * dropped as they are seen, and the map is bounded.
 */
export class AttemptLimiter {
  readonly #attempts = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    readonly limit: number,
    readonly windowMs: number,
    private readonly maxKeys = 10_000,
  ) {}

  /** Records an attempt by `key`; false when `key` already made `limit` attempts in the window. */
  tryAttempt(key: string): boolean {
    const now = this.clock.now().getTime();
    const recent = (this.#attempts.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (recent.length >= this.limit) {
      this.#attempts.set(key, recent);
      return false;
    }
    recent.push(now);
    this.#attempts.delete(key);
    this.#attempts.set(key, recent);
    // Oldest-touched keys go first when the map is full (Map keeps insertion order).
    while (this.#attempts.size > this.maxKeys) {
      const oldest = this.#attempts.keys().next().value;
      if (oldest === undefined) break;
      this.#attempts.delete(oldest);
    }
    return true;
  }

  /** Minutes until `key` may try again (at least 1). */
  minutesUntilFree(key: string): number {
    const first = this.#attempts.get(key)?.[0];
    if (first === undefined) return 1;
    return Math.max(1, Math.ceil((first + this.windowMs - this.clock.now().getTime()) / 60_000));
  }
}

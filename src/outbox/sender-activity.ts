/**
 * What the sender is doing, for a stepper that drives a virtual clock (tests, the demo): how many
 * deliveries run, how many of them only wait for time to pass (the rate limits), and until when it put
 * rows back in the queue for the limits. Production never reads it.
 */
export class SenderActivity {
  #running = 0;
  #waiting = 0;
  #heldUntil = 0;
  readonly #listeners = new Set<() => void>();

  /** Counts `delivery` as running until it settles. */
  async running<T>(delivery: () => Promise<T>): Promise<T> {
    this.#running += 1;
    try {
      return await delivery();
    } finally {
      this.#running -= 1;
      this.#changed();
    }
  }

  /** Counts a running delivery as only waiting for time while `wait` is pending. */
  async waiting(wait: Promise<void>): Promise<void> {
    this.#waiting += 1;
    this.#changed();
    try {
      await wait;
    } finally {
      this.#waiting -= 1;
    }
  }

  /** Notes that a row went back to the queue until `until` because of a rate limit (ours or Telegram's). */
  held(until: Date): void {
    this.#heldUntil = Math.max(this.#heldUntil, until.getTime());
  }

  /** The latest instant a rate limit put a row back until (undefined: never). */
  heldUntil(): Date | undefined {
    return this.#heldUntil > 0 ? new Date(this.#heldUntil) : undefined;
  }

  /**
   * Resolves once at least one delivery runs and every running one waits for time: only moving the
   * clock can make progress then. `cancel` stops listening (it then never resolves).
   */
  allWaiting(cancel?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (this.#running === 0 || this.#waiting < this.#running) return;
        stop();
        resolve();
      };
      const stop = () => {
        this.#listeners.delete(check);
        cancel?.removeEventListener('abort', stop);
      };
      if (cancel?.aborted) return;
      this.#listeners.add(check);
      cancel?.addEventListener('abort', stop, { once: true });
      check();
    });
  }

  #changed(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}

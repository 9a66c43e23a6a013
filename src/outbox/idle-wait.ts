/**
 * The idle wait of a loop that polls the database (the inbox processor, the outbox sender): it ends after
 * its time, when the loop is stopped, or at once on wake() — something was just stored for it.
 */
export class IdleWait {
  #wake: (() => void) | undefined;

  /** Ends the wait in progress; with none in progress the wake-up is not kept. */
  wake(): void {
    this.#wake?.();
  }

  /** Waits up to `ms`; ends sooner on wake(), when `signal` aborts, or when `also` settles. */
  wait(ms: number, signal: AbortSignal, also?: Promise<unknown>): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        // A late settle of `also` after this wait ended must not unhook a newer wait.
        if (this.#wake === done) this.#wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.#wake = done;
      signal.addEventListener('abort', done, { once: true });
      if (also) void also.then(done);
    });
  }
}

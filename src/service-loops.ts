import type { Logger } from './config/logger.js';
import { ServiceFailedError } from './domain/errors.js';
import { loopStoppedMessage } from './messages/service-messages.js';

/**
 * The service's long-running loops (intake, processor, sender, scheduler) under one supervisor: when one
 * stops while the service is meant to run, every other loop is told to stop too and `wait()` rethrows,
 * so the process exits non-zero instead of staying up with a dead loop that no supervisor would notice.
 */
export class ServiceLoops {
  readonly #stop = new AbortController();
  readonly #tasks: Promise<void>[] = [];
  readonly #running = new Set<string>();
  #failure: ServiceFailedError | undefined;
  #started = false;

  constructor(
    outer: AbortSignal,
    private readonly logger: Logger,
  ) {
    if (outer.aborted) this.#stop.abort();
    else outer.addEventListener('abort', () => this.#stop.abort(), { once: true });
  }

  /** Aborts when the operator stops the service or when any loop failed. */
  get signal(): AbortSignal {
    return this.#stop.signal;
  }

  /** Watches one loop; it is expected to end only after `signal` aborts. */
  add(name: string, task: Promise<void>): void {
    this.#running.add(name);
    this.#tasks.push(
      task.then(
        () => this.#ended(name, undefined, this.#stop.signal.aborted),
        (error: unknown) => this.#ended(name, error, false),
      ),
    );
  }

  /** Every loop has been added: from now on the service counts as running. */
  markStarted(): void {
    this.#started = true;
  }

  /** True while every loop runs (liveness: false once one has failed or the service is stopping). */
  alive(): boolean {
    return this.#failure === undefined && !this.#stop.signal.aborted;
  }

  /** True once every loop has started and while every one still runs (readiness, without the database). */
  running(): boolean {
    return this.#started && this.alive();
  }

  /** Waits until every loop ended; throws the first loop's failure, if any. */
  async wait(): Promise<void> {
    await Promise.all(this.#tasks);
    if (this.#failure) throw this.#failure;
  }

  #ended(name: string, error: unknown, expected: boolean): void {
    this.#running.delete(name);
    if (expected) return;
    const detail = error === undefined ? undefined : error instanceof Error ? error.message : String(error);
    this.#failure ??= new ServiceFailedError(loopStoppedMessage(name, detail), name, error);
    this.logger.fatal({ err: error, loop: name }, 'a service loop stopped; stopping the service');
    this.#stop.abort();
  }
}

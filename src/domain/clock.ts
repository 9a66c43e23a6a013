/** The one source of "now": every service takes it, so tests, SOHOA_NOW and `run-job --at` can set it. */
export interface Clock {
  now(): Date;
}

/** Real time. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that starts at `start` and runs on at real speed — for rehearsals and the demo. */
export function startingClock(start: Date, realNow: () => number = Date.now): Clock {
  const offset = start.getTime() - realNow();
  return { now: () => new Date(realNow() + offset) };
}

/**
 * Where a rehearsal clock (SOHOA_NOW) starts: the requested instant, or — after a restart — the latest
 * instant the service already recorded, if later. Starting again at SOHOA_NOW would put everything
 * enqueued before the restart in the future, and nothing would be sent until the clock caught up.
 */
export function rehearsalStart(requested: Date, latestRecorded: Date | undefined): Date {
  return latestRecorded && latestRecorded.getTime() > requested.getTime() ? latestRecorded : requested;
}

/**
 * A clock that can also wait on its own time. The sender paces, backs off and schedules on one of these,
 * so that in tests its limits run on the same virtual time as the outbox's due times.
 */
export interface TimeSource extends Clock {
  /** Resolves once `ms` have passed on this clock; rejects if `signal` aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

interface Sleeper {
  readonly at: number;
  readonly wake: () => void;
}

/** A clock that moves only when told — for tests and the demo. Its sleepers wake when it is moved past them. */
export class ManualClock implements TimeSource {
  #ms: number;
  readonly #sleepers = new Set<Sleeper>();
  constructor(start: Date | string) {
    this.#ms = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.#ms);
  }
  /** Jump to an instant; sleepers whose time has come wake. */
  set(instant: Date | string): void {
    this.#ms = new Date(instant).getTime();
    this.#wakeDue();
  }
  /** Move forward by `ms` milliseconds. */
  advance(ms: number): void {
    this.#ms += ms;
    this.#wakeDue();
  }
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason as Error);
    if (ms <= 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        this.#sleepers.delete(sleeper);
        reject(signal?.reason as Error);
      };
      const sleeper: Sleeper = {
        at: this.#ms + ms,
        wake: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      this.#sleepers.add(sleeper);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
  /** When the earliest sleeper wakes, if any sleeps: a stepper moves the clock there when nothing else can happen. */
  nextWakeAt(): Date | undefined {
    let earliest: number | undefined;
    for (const sleeper of this.#sleepers)
      if (earliest === undefined || sleeper.at < earliest) earliest = sleeper.at;
    return earliest === undefined ? undefined : new Date(earliest);
  }
  #wakeDue(): void {
    for (const sleeper of this.#sleepers) {
      if (sleeper.at > this.#ms) continue;
      this.#sleepers.delete(sleeper);
      sleeper.wake();
    }
  }
}

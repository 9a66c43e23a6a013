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

/** A clock that moves only when told — for tests. */
export class ManualClock implements Clock {
  #ms: number;
  constructor(start: Date | string) {
    this.#ms = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.#ms);
  }
  /** Jump to an instant. */
  set(instant: Date | string): void {
    this.#ms = new Date(instant).getTime();
  }
  /** Move forward by `ms` milliseconds. */
  advance(ms: number): void {
    this.#ms += ms;
  }
}

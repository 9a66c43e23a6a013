import { setTimeout as sleep } from 'node:timers/promises';
import type { ManualClock } from '../domain/clock.js';

/** What an action can do besides acting: schedule its own next step. */
export interface ActionContext {
  readonly now: Date;
  /** The flow the action belongs to: a first action and every follow-up it schedules share one. */
  readonly flow: number;
  /** Runs `action` at least `minutes` later, on the next five-minute mark (after the world has settled). */
  later(minutes: number, action: DemoAction): void;
}

/** One thing that happens at a moment: a user acts, the scheduler ticks, a day closes. */
export type DemoAction = (ctx: ActionContext) => Promise<void> | void;

/** When in a moment an action runs: the scheduler first (as its cron would), people next, books last. */
export const PHASE = { jobs: 0, people: 1, close: 2 } as const;

interface Scheduled {
  readonly at: number;
  readonly phase: number;
  readonly order: number;
  readonly flow: number;
  readonly action: DemoAction;
}

// Gaps longer than this are nights and lunch breaks: skipped even when the demo runs at a set speed.
const IDLE_GAP_MS = 2 * 3_600_000;

/**
 * Plays actions in campaign time. All actions due at one moment run together, then `settle` lets the
 * service handle and answer everything; follow-ups (`later`) see those answers. The clock only moves
 * forward. With `speed` > 0, real time passes between moments: `speed` campaign seconds per second.
 * A flow ends once its last action has run and the world has settled after it: `onFlowEnd` then hears
 * of it, so what a flow showed in the chats can be told apart from what came later.
 */
export class DemoTimeline {
  readonly #queue: Scheduled[] = [];
  #order = 0;
  #flows = 0;
  /** Actions still to run, by flow. */
  readonly #pending = new Map<number, number>();
  #lastMoment: number | undefined;
  #lastReal = performance.now();

  constructor(
    private readonly clock: ManualClock,
    private readonly settle: () => Promise<void>,
    private readonly speed: number,
    private readonly onFlowEnd?: (flow: number) => void,
  ) {}

  /** Schedules an action at an instant (not before the clock), as the first of a new flow. */
  at(instant: Date, action: DemoAction, phase: number = PHASE.people): void {
    this.#schedule(instant, action, phase, this.#flows++);
  }

  #schedule(instant: Date, action: DemoAction, phase: number, flow: number): void {
    const at = Math.max(instant.getTime(), this.clock.now().getTime());
    const item = { at, phase, order: this.#order++, flow, action };
    this.#pending.set(flow, (this.#pending.get(flow) ?? 0) + 1);
    // Kept sorted; a day holds a few hundred actions, so insertion by search is plenty.
    let i = this.#queue.length;
    while (i > 0 && compare(this.#queue[i - 1]!, item) > 0) i--;
    this.#queue.splice(i, 0, item);
  }

  /** Plays every action due up to `until`, including follow-ups that fall before it. */
  async runUntil(until: Date): Promise<void> {
    for (;;) {
      const head = this.#queue[0];
      if (!head || head.at > until.getTime()) break;
      const moment = head.at;
      const batch: Scheduled[] = [];
      while (this.#queue[0]?.at === moment) batch.push(this.#queue.shift()!);
      await this.#pace(moment);
      this.clock.set(new Date(moment));
      for (const item of batch) {
        await item.action({
          now: new Date(moment),
          flow: item.flow,
          later: (minutes, action) =>
            this.#schedule(
              new Date(onGrid(moment + Math.max(1, minutes) * 60_000)),
              action,
              PHASE.people,
              item.flow,
            ),
        });
        this.#pending.set(item.flow, (this.#pending.get(item.flow) ?? 1) - 1);
      }
      await this.settle();
      for (const flow of new Set(batch.map((item) => item.flow)))
        if (this.#pending.get(flow) === 0) {
          this.#pending.delete(flow);
          this.onFlowEnd?.(flow);
        }
    }
    if (this.clock.now().getTime() < until.getTime()) this.clock.set(until);
  }

  async #pace(moment: number): Promise<void> {
    const previous = this.#lastMoment;
    this.#lastMoment = moment;
    if (this.speed <= 0 || previous === undefined) return;
    const gap = moment - previous;
    if (gap <= 0 || gap > IDLE_GAP_MS) {
      this.#lastReal = performance.now();
      return;
    }
    const wait = gap / this.speed - (performance.now() - this.#lastReal);
    if (wait > 0) await sleep(wait);
    this.#lastReal = performance.now();
  }
}

/**
 * Follow-ups land on the next five-minute mark: people answer within minutes, and sharing moments lets the
 * service settle a few hundred times a day rather than thousands (each settle polls, handles and sends).
 */
function onGrid(ms: number): number {
  const grid = 5 * 60_000;
  return Math.ceil(ms / grid) * grid;
}

function compare(a: Scheduled, b: Scheduled): number {
  return a.at - b.at || a.phase - b.phase || a.order - b.order;
}

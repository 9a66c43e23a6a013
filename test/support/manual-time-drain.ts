import type { ManualClock } from '../../src/domain/clock.js';
import type { SenderActivity } from '../../src/outbox/sender-activity.js';

/** A sender that paces on a manual clock, as a test or the demo drives it. */
export interface ManualTimeSender {
  drain(): Promise<number>;
  readonly activity: SenderActivity;
}

/**
 * Drains the sender; whenever every delivery in progress only waits for the rate limits (a sleep on the
 * manual clock), moves the clock to the earliest wake-up. Deterministic: the clock moves only when no
 * request or query is in flight, and never further than the next limit opens.
 */
export async function drainOnManualTime(sender: ManualTimeSender, clock: ManualClock): Promise<number> {
  const finished = new AbortController();
  const draining = sender.drain().finally(() => finished.abort());
  while (!finished.signal.aborted) {
    await Promise.race([draining, sender.activity.allWaiting(finished.signal)]);
    const wake = clock.nextWakeAt();
    if (finished.signal.aborted || wake === undefined) continue;
    clock.set(wake);
    // Let the woken deliveries run up to their next real wait (a request, a query) before looking again.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return draining;
}

import type { Telegram } from 'telegraf';
import type { ManualClock } from '../../src/domain/clock.js';
import type { Db } from '../../src/db/database.js';
import { nextOutboxDueAt } from '../../src/db/outbox.repository.js';
import { pollOnce } from '../../src/channels/telegram/update-poller.js';
import { drainOnManualTime, type ManualTimeSender } from './manual-time-drain.js';

/** What a stepper drives: an intake to poll, the processor and the sender, on a manual clock. */
export interface SteppedRuntime {
  /** Fetches what the platforms hold into the inbox; returns how many updates it stored. */
  poll(): Promise<number>;
  db: Db;
  clock: ManualClock;
  processor: { drain(): Promise<number> };
  sender: ManualTimeSender;
}

/**
 * For callers that drive time themselves (tests, the demo): returns a function that fetches every
 * pending update into the inbox, handles them and delivers every reply, again and again until nothing is
 * due — no pending update, no outbox row due at the clock's now, none held back by the rate limits. It
 * decides on state, never on a quiet period. The sender paces on the same manual clock, so when its
 * deliveries only wait for the limits, or the limits put a row back for later, the stepper moves the
 * clock just far enough (Telegram's limits are seconds; a held group message at most a minute).
 * Production runs the same three steps as independent loops on real time instead.
 */
export function stepUntilQuietWith(deps: SteppedRuntime): () => Promise<void> {
  return async () => {
    for (;;) {
      const stored = await deps.poll();
      const handled = await deps.processor.drain();
      const sent = await drainOnManualTime(deps.sender, deps.clock);
      if (stored > 0 || handled > 0 || sent > 0) continue;
      const due = await nextOutboxDueAt(deps.db);
      const held = deps.sender.activity.heldUntil();
      // A row the limits put back is the only future row the stepper waits for: a scheduled or
      // backed-off one is the test's to reach by moving the clock.
      if (due === undefined || held === undefined || due > held) return;
      if (due > deps.clock.now()) deps.clock.set(due);
    }
  };
}

/** A poll of the Telegram Bot API's getUpdates, keeping its offset between calls. */
export function telegramPoll(deps: {
  telegram: Telegram;
  db: Db;
  clock: ManualClock;
}): () => Promise<number> {
  let offset = 0;
  return async () => {
    const batch = await pollOnce(deps, offset, 0);
    offset = batch.offset;
    return batch.stored;
  };
}

/** `stepUntilQuietWith` over the Telegram Bot API alone. */
export function stepUntilQuiet(deps: {
  telegram: Telegram;
  db: Db;
  clock: ManualClock;
  processor: { drain(): Promise<number> };
  sender: ManualTimeSender;
}): () => Promise<void> {
  return stepUntilQuietWith({ ...deps, poll: telegramPoll(deps) });
}

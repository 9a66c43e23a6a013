import type { Telegram } from 'telegraf';
import type { Clock } from '../../src/domain/clock.js';
import type { Db } from '../../src/db/database.js';
import { pollOnce } from '../../src/bot/update-poller.js';

/**
 * For callers that drive time themselves (tests, the demo): returns a function that fetches every
 * pending update into the inbox, handles them and delivers every reply, again and again until a round
 * does nothing. Production runs the same three steps as independent loops instead.
 */
export function stepUntilQuiet(deps: {
  telegram: Telegram;
  db: Db;
  clock: Clock;
  processor: { drain(): Promise<number> };
  sender: { drain(): Promise<number> };
}): () => Promise<void> {
  let offset = 0;
  return async () => {
    for (;;) {
      const batch = await pollOnce({ telegram: deps.telegram, db: deps.db, clock: deps.clock }, offset, 0);
      offset = batch.offset;
      const handled = await deps.processor.drain();
      const sent = await deps.sender.drain();
      if (batch.stored === 0 && handled === 0 && sent === 0) return;
    }
  };
}

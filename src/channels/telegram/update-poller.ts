import type { Telegram } from 'telegraf';
import type { Logger } from '../../config/logger.js';
import type { Clock } from '../../domain/clock.js';
import type { Db } from '../../db/database.js';
import { insertInboxUpdate } from '../../db/inbox.repository.js';

/** The update types the bot handles; others are not even fetched. */
export const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query', 'my_chat_member'] as const;

/** Fetches one batch of updates from `offset` and stores them; returns the next offset. */
export async function pollOnce(
  deps: { telegram: Telegram; db: Db; clock: Clock; signal?: AbortSignal },
  offset: number,
  timeoutSeconds: number,
): Promise<{ offset: number; stored: number }> {
  const updates = await deps.telegram.callApi(
    'getUpdates',
    { offset, timeout: timeoutSeconds, allowed_updates: [...ALLOWED_UPDATES] },
    { signal: deps.signal as never },
  );
  let next = offset;
  for (const update of updates) {
    await insertInboxUpdate(deps.db, {
      platform: 'telegram',
      update_id: update.update_id,
      payload: update,
      received_at: deps.clock.now(),
    });
    next = update.update_id + 1;
  }
  return { offset: next, stored: updates.length };
}

/**
 * Long polling into the inbox. The offset moves past an update only after it is stored, so an update
 * Telegram handed over is never lost; one stored twice is ignored by the inbox's unique key.
 */
export async function pollUpdates(deps: {
  telegram: Telegram;
  db: Db;
  clock: Clock;
  logger: Logger;
  signal: AbortSignal;
  onStored: () => void;
  timeoutSeconds?: number;
}): Promise<void> {
  const { telegram, db, clock, logger, signal } = deps;
  let offset = 0;
  let failures = 0;
  while (!signal.aborted) {
    try {
      const batch = await pollOnce({ telegram, db, clock, signal }, offset, deps.timeoutSeconds ?? 25);
      offset = batch.offset;
      failures = 0;
      if (batch.stored > 0) deps.onStored();
    } catch (error) {
      if (signal.aborted) return;
      failures++;
      const delay = Math.min(30_000, 500 * 2 ** Math.min(failures, 6));
      logger.warn({ err: error, delay }, 'getUpdates failed; retrying');
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

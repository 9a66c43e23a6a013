import type { Logger } from '../../config/logger.js';
import type { Clock } from '../../domain/clock.js';
import type { Db } from '../../db/database.js';
import { insertInboxUpdate } from '../../db/inbox.repository.js';
import { ZaloBotApiError, type ZaloBotApi } from './zalo-bot-api.js';
import { ZALO_BOT_PLATFORM, unwrapZaloBotUpdate, zaloBotUpdateId } from './zalo-bot-update.js';

/** Stores one raw Zalo update in the inbox (once: the key is the platform and the message id). */
export async function storeZaloBotUpdate(
  deps: { db: Db; clock: Clock },
  update: unknown,
): Promise<'stored' | 'duplicate' | 'ignored'> {
  const unwrapped = unwrapZaloBotUpdate(update);
  const updateId = unwrapped ? zaloBotUpdateId(unwrapped) : undefined;
  if (!unwrapped || updateId === undefined) return 'ignored';
  const inserted = await insertInboxUpdate(deps.db, {
    platform: ZALO_BOT_PLATFORM,
    update_id: updateId,
    payload: unwrapped,
    received_at: deps.clock.now(),
  });
  return inserted ? 'stored' : 'duplicate';
}

/**
 * One getUpdates call: Zalo hands over one update per call and forgets it, and answers error 408 when the
 * wait ran out with nothing (poll again). Returns whether an update was stored.
 */
export async function pollZaloBotOnce(
  deps: { api: ZaloBotApi; db: Db; clock: Clock; logger?: Logger; signal?: AbortSignal },
  timeoutSeconds: number,
): Promise<boolean> {
  let update: unknown;
  try {
    update = await deps.api.call('getUpdates', { timeout: String(timeoutSeconds) }, deps.signal);
  } catch (error) {
    if (error instanceof ZaloBotApiError && error.errorCode === 408) return false;
    throw error;
  }
  // One update per call is what Zalo does; a list (as some documentation pages show) is taken as well.
  let stored = false;
  for (const one of Array.isArray(update) ? (update as unknown[]) : [update]) {
    const outcome = await storeZaloBotUpdate(deps, { result: one });
    if (outcome === 'ignored')
      deps.logger?.warn({ update: one }, 'Zalo Bot update without a message ignored');
    stored ||= outcome === 'stored';
  }
  return stored;
}

/**
 * Long polling into the inbox. Zalo has no offset to hold back, so an update is gone once read: it is
 * stored before the next call (a crash between reading and storing loses that one update — Zalo gives no
 * way to avoid it; the webhook mode has none of this, since Zalo waits for the 200).
 */
export async function pollZaloBotUpdates(deps: {
  api: ZaloBotApi;
  db: Db;
  clock: Clock;
  logger: Logger;
  signal: AbortSignal;
  onStored: () => void;
  timeoutSeconds?: number;
  /** Waits between failed calls (tests pass a fast one); default: real time, aborted by `signal`. */
  sleep?: (ms: number) => Promise<void>;
}): Promise<void> {
  const { signal, logger } = deps;
  const sleep =
    deps.sleep ??
    ((ms: number) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        signal.addEventListener(
          'abort',
          () => {
            clearTimeout(timer);
            resolve();
          },
          { once: true },
        );
      }));
  let failures = 0;
  while (!signal.aborted) {
    try {
      const stored = await pollZaloBotOnce(deps, deps.timeoutSeconds ?? 25);
      failures = 0;
      if (stored) deps.onStored();
    } catch (error) {
      if (signal.aborted) return;
      failures++;
      const delay = Math.min(30_000, 500 * 2 ** Math.min(failures, 6));
      logger.warn({ err: error, delay }, 'Zalo getUpdates failed; retrying');
      await sleep(delay);
    }
  }
}

import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from '../db/database.js';

/** What the inbox processor hands to the bot for one update. */
export interface UpdateScope {
  readonly db: Db;
  readonly inboxId: number;
}

// Telegraf builds the context itself, so the transaction reaches it through async context instead of
// an argument; the first middleware reads it (bot.ts).
const storage = new AsyncLocalStorage<UpdateScope>();

/** Runs `fn` with `scope` visible to the bot's middleware. */
export function runInUpdateScope<T>(scope: UpdateScope, fn: () => Promise<T>): Promise<T> {
  return storage.run(scope, fn);
}

/** The scope of the update being handled; throws when called outside the inbox processor. */
export function currentUpdateScope(): UpdateScope {
  const scope = storage.getStore();
  if (!scope)
    throw new Error('An update must be handled through the inbox processor, inside its transaction.');
  return scope;
}

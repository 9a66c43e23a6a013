import type { Db } from './database.js';

/**
 * Runs `fn` in a transaction, joining the caller's when `db` already is one. The inbox processor owns
 * the transaction of a whole update (so that its effects and "handled" commit together); the same
 * services, called from the CLI or a job, open their own.
 */
export async function inTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db);
  return db.transaction().execute(fn);
}

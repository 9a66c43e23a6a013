import type { Db } from './database.js';

/**
 * The secret stored under `name`, storing `candidate` first if there is none: every instance on the same
 * database ends up with the first one written.
 */
export async function ensureWebSecret(db: Db, name: string, candidate: string, now: Date): Promise<string> {
  await db
    .insertInto('web_secrets')
    .values({ name, secret: candidate, created_at: now })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db
    .selectFrom('web_secrets')
    .select('secret')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.secret;
}

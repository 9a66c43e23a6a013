import { sql } from 'kysely';
import type { Db } from './database.js';

/** Resolves when the database answers a trivial query; rejects otherwise (readiness checks). */
export async function pingDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}

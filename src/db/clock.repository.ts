import { sql } from 'kysely';
import type { Db } from './database.js';

/**
 * The latest instant the service wrote into the database (updates received and handled, messages
 * enqueued and sent, job runs): where a rehearsal clock resumes after a restart.
 */
export async function latestRecordedInstant(db: Db): Promise<Date | undefined> {
  const row = await sql<{ latest: Date | null }>`
    select greatest(
      (select max(greatest(received_at, handled_at)) from inbox),
      (select max(greatest(created_at, sent_at)) from outbox),
      (select max(greatest(started_at, finished_at)) from job_runs)
    ) as latest`.execute(db);
  const latest = row.rows[0]?.latest;
  return latest ? new Date(latest) : undefined;
}

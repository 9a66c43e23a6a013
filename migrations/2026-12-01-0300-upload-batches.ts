import { sql, type Kysely } from 'kysely';

// Issue 14, the upload page. A batch is one drop of files on the page (uploaded in one request without
// JavaScript, or file by file with it); its results are every verdict it showed, so the page can offer them
// as a CSV. Samples themselves still go to sample_files (same hash, retention and statistics as the chat);
// results are kept apart because a file over the size limit, a wrong type or an unreadable archive entry
// has a verdict but nothing to store there.

/** Creates upload_batches and upload_results. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table upload_batches (
    id bigserial primary key,
    campaign_id integer not null references campaigns (id) on delete cascade,
    unit_id integer not null references units (id) on delete cascade,
    member_id integer not null references members (id) on delete cascade,
    received_bytes bigint not null default 0 check (received_bytes >= 0),
    created_at timestamptz not null
  )`.execute(db);
  await sql`create index upload_batches_created on upload_batches (created_at)`.execute(db);
  await sql`create table upload_results (
    id bigserial primary key,
    batch_id bigint not null references upload_batches (id) on delete cascade,
    path text not null,
    verdict jsonb not null,
    outcome text not null,
    first_received_at timestamptz,
    created_at timestamptz not null
  )`.execute(db);
  await sql`create index upload_results_batch on upload_results (batch_id, id)`.execute(db);
}

/** Drops both tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table upload_results`.execute(db);
  await sql`drop table upload_batches`.execute(db);
}

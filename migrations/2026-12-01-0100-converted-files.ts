import { sql, type Kysely } from 'kysely';

// Issue 18: what the converter was given (the originals: photos, oversized scans) and what it handed back
// on the upload page (the ZIP of PDFs). Kept apart from sample_files: they are not a commune's samples and
// must never count as ones; they are kept only until the campaign's retention ends, then deleted by the
// nightly sample purge. A reporter's converted PDFs are still recorded as samples, as the chat does.

/** Creates converted_files. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table converted_files (
    id bigserial primary key,
    campaign_id integer not null references campaigns (id) on delete cascade,
    member_id integer not null references members (id) on delete cascade,
    role text not null check (role in ('original', 'result')),
    file_name text not null,
    size_bytes integer not null check (size_bytes >= 0),
    content bytea not null,
    purge_after timestamptz not null,
    created_at timestamptz not null
  )`.execute(db);
  await sql`create index converted_files_purge_after on converted_files (purge_after)`.execute(db);
  await sql`create index converted_files_member on converted_files (member_id, id)`.execute(db);
}

/** Drops the table. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table converted_files`.execute(db);
}

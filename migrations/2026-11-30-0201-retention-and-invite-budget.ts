import { sql, type Kysely } from 'kysely';

// Issue 12. Retention: chat text is redacted from the inbox and the outbox once the campaign's retention
// period has passed; `redacted_at` records when, so a nightly run only looks at rows not yet redacted
// (partial indexes keep that cheap as the tables grow). Invite guessing: failed codes are budgeted per
// campaign per hour, so each attempt records the campaign it was typed in (null for rows from before).

/** Adds inbox/outbox `redacted_at` and invite_attempts `campaign_id`, with their indexes. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table inbox add column redacted_at timestamptz`.execute(db);
  await sql`alter table outbox add column redacted_at timestamptz`.execute(db);
  await sql`create index inbox_unredacted on inbox (received_at) where redacted_at is null`.execute(db);
  await sql`create index outbox_unredacted on outbox (created_at) where redacted_at is null`.execute(db);
  await sql`alter table invite_attempts
    add column campaign_id integer references campaigns (id) on delete cascade`.execute(db);
  await sql`create index invite_attempts_campaign_failures on invite_attempts (campaign_id, attempted_at)
    where not succeeded`.execute(db);
}

/** Drops what `up` added (redacted text stays redacted). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index invite_attempts_campaign_failures`.execute(db);
  await sql`alter table invite_attempts drop column campaign_id`.execute(db);
  await sql`drop index outbox_unredacted`.execute(db);
  await sql`drop index inbox_unredacted`.execute(db);
  await sql`alter table outbox drop column redacted_at`.execute(db);
  await sql`alter table inbox drop column redacted_at`.execute(db);
}

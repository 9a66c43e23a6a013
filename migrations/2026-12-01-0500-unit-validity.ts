import { sql, type Kysely } from 'kysely';

// Issue 13. A running campaign may cross a reorganisation (01/07/2025: districts abolished, communes
// merged). Units are never deleted: each has the first and the last day it counts (null = open), and a
// view for a date uses the units valid on that date. A new unit often reuses the code of one of the old
// communes it absorbed, so a code is unique only among the units still open. `unit_successions` records
// which old unit went into which new one (with its share when an old unit was split), and a revision
// says whether a person sent it or the reorganisation carried it over.

/** Adds unit validity, the successions table and the revisions' origin. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table units add column valid_from date`.execute(db);
  await sql`alter table units add column valid_to date`.execute(db);
  await sql`alter table units add constraint units_validity_ordered
    check (valid_from is null or valid_to is null or valid_from <= valid_to)`.execute(db);
  await sql`alter table units drop constraint units_campaign_code_key`.execute(db);
  await sql`create unique index units_campaign_code_open on units (campaign_id, code)
    where valid_to is null`.execute(db);
  await sql`create index units_campaign_code_idx on units (campaign_id, code)`.execute(db);

  await db.schema
    .createTable('unit_successions')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('old_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('new_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('share', 'double precision', (c) => c.notNull().check(sql`share > 0 and share <= 1`))
    .addColumn('effective_on', 'date', (c) => c.notNull())
    .addUniqueConstraint('unit_successions_old_new_key', ['old_unit_id', 'new_unit_id'])
    .execute();
  await sql`create index unit_successions_new_idx on unit_successions (new_unit_id)`.execute(db);

  await sql`alter table report_revisions add column origin text not null default 'report'`.execute(db);
  await sql`alter table report_revisions add constraint report_revisions_origin_valid
    check (origin in ('report', 'carry-over'))`.execute(db);
}

/** Drops what `up` added (fails while two units share a code). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table report_revisions drop constraint report_revisions_origin_valid`.execute(db);
  await sql`alter table report_revisions drop column origin`.execute(db);
  await db.schema.dropTable('unit_successions').execute();
  await sql`drop index units_campaign_code_idx`.execute(db);
  await sql`drop index units_campaign_code_open`.execute(db);
  await sql`alter table units add constraint units_campaign_code_key unique (campaign_id, code)`.execute(db);
  await sql`alter table units drop constraint units_validity_ordered`.execute(db);
  await sql`alter table units drop column valid_to`.execute(db);
  await sql`alter table units drop column valid_from`.execute(db);
}

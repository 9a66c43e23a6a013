import { sql, type Kysely } from 'kysely';

// Issue 13, item 4. One deployment serves several campaigns, so an update's campaign is resolved from its
// sender. A person in two campaigns picks one with /chondot: `campaign_choices` remembers it per platform
// identity, and `held_updates` keeps the messages that arrived before they had chosen, to be handled once
// they do (nothing they sent is lost). A national leader sees every campaign's province side by side: they
// join with a national invite (`national_invites`, hashed like campaign invites) and are a
// `national_members` row, outside any one campaign. The job ledger needs no change: its slot ids already
// begin with the campaign code.

/** Creates the campaign choice, held update and national leader tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table campaign_choices (
    platform text not null,
    platform_user_id text not null,
    campaign_id integer references campaigns (id) on delete set null,
    chosen_at timestamptz,
    asked_at timestamptz,
    primary key (platform, platform_user_id)
  )`.execute(db);
  await sql`create table held_updates (
    inbox_id integer primary key references inbox (id) on delete cascade,
    platform text not null,
    platform_user_id text not null,
    held_at timestamptz not null
  )`.execute(db);
  await sql`create index held_updates_identity on held_updates (platform, platform_user_id, inbox_id)`.execute(
    db,
  );
  await sql`create table national_invites (
    id serial primary key,
    code_hash text not null unique,
    uses_left integer not null check (uses_left >= 0),
    expires_at timestamptz not null,
    created_by text not null,
    created_at timestamptz not null,
    revoked_at timestamptz
  )`.execute(db);
  await sql`create table national_members (
    id serial primary key,
    platform text not null,
    platform_user_id text not null,
    display_name text not null,
    active boolean not null default true,
    joined_at timestamptz not null,
    updated_at timestamptz not null,
    unique (platform, platform_user_id)
  )`.execute(db);
}

/** Drops what `up` created (choices, held messages and national leaders are lost). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table national_members`.execute(db);
  await sql`drop table national_invites`.execute(db);
  await sql`drop table held_updates`.execute(db);
  await sql`drop table campaign_choices`.execute(db);
}

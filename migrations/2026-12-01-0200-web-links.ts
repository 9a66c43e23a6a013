import { sql, type Kysely } from 'kysely';

// Issue 14. The web side: personal links (`/web` in the chat) are stored hashed, single-use and
// expiring; opening one creates a session, stored hashed too, that the cookie carries. Both keep the
// role and unit the member had when the link was made: a request whose member no longer matches (left,
// deactivated, moved) is refused. `web_secrets` keeps the signing secret when WEB_SECRET is not set, so
// every instance on the same database signs and checks media addresses alike.

/** Creates web_links, web_sessions and web_secrets. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table web_links (
    id serial primary key,
    campaign_id integer not null references campaigns (id) on delete cascade,
    member_id integer not null references members (id) on delete cascade,
    token_hash text not null unique,
    role text not null,
    unit_id integer not null references units (id) on delete cascade,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at timestamptz,
    revoked_at timestamptz
  )`.execute(db);
  await sql`create index web_links_member on web_links (member_id)`.execute(db);
  await sql`create table web_sessions (
    id serial primary key,
    campaign_id integer not null references campaigns (id) on delete cascade,
    member_id integer not null references members (id) on delete cascade,
    link_id integer not null references web_links (id) on delete cascade,
    token_hash text not null unique,
    role text not null,
    unit_id integer not null references units (id) on delete cascade,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    revoked_at timestamptz
  )`.execute(db);
  await sql`create index web_sessions_member on web_sessions (member_id)`.execute(db);
  await sql`create table web_secrets (
    name text primary key,
    secret text not null,
    created_at timestamptz not null
  )`.execute(db);
}

/** Drops the three tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table web_secrets`.execute(db);
  await sql`drop table web_sessions`.execute(db);
  await sql`drop table web_links`.execute(db);
}

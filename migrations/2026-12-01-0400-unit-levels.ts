import { sql, type Kysely } from 'kysely';

// Issue 13. A campaign declares its own levels (province → commune, province → cluster → commune, …), so
// a unit's level is any level code the campaign's folder declares; the folder's validation checks that
// the tree follows the declared order. Codes stay lower-case words, as the folder writes them.

/** Lets `units.level` hold any declared level code instead of the three fixed ones. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table units drop constraint units_level_valid`.execute(db);
  await sql`alter table units add constraint units_level_valid check (level ~ '^[a-z][a-z0-9-]*$')`.execute(
    db,
  );
}

/** Restores the three fixed levels (fails while a unit of another level exists). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table units drop constraint units_level_valid`.execute(db);
  await sql`alter table units add constraint units_level_valid
    check (level in ('province', 'district', 'commune'))`.execute(db);
}

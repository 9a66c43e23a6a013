import { sql, type Kysely } from 'kysely';

// Issue 11 (items 8 and 9): the evening charts travel as one album (several images in one row), and a
// member's command menu is set through the outbox in the transaction that changed their role. The first
// schema's check constraint lists the outbox kinds, so it is widened here rather than dropped: a typo in
// a kind still fails at insert time, not at delivery.

/** Allows the outbox kinds 'album' and 'menu'. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table outbox drop constraint outbox_kind_valid`.execute(db);
  await sql`alter table outbox add constraint outbox_kind_valid
    check (kind in ('text', 'photo', 'document', 'edit', 'album', 'menu'))`.execute(db);
}

/** Back to the four kinds of the first schema (fails while album or menu rows remain). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table outbox drop constraint outbox_kind_valid`.execute(db);
  await sql`alter table outbox add constraint outbox_kind_valid
    check (kind in ('text', 'photo', 'document', 'edit'))`.execute(db);
}

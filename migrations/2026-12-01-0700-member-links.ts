import { sql, type Kysely } from 'kysely';

// Issue 15. One person on Telegram and Zalo: a short single-use code shown on one platform and typed on
// the other creates their membership there (same unit and role), and records that the two memberships
// are one person (member_links). Which platform the evening package reaches a leader on is that
// person's choice (package_channel_choices, keyed by the person's first membership).

/** Creates link_codes, member_links and package_channel_choices. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('link_codes')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('link_codes_member_idx').on('link_codes').column('member_id').execute();

  await db.schema
    .createTable('member_links')
    .addColumn('member_id', 'integer', (c) => c.primaryKey().references('members.id').onDelete('cascade'))
    .addColumn('person_member_id', 'integer', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('linked_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('member_links_not_self', sql`member_id <> person_member_id`)
    .execute();
  await db.schema
    .createIndex('member_links_person_idx')
    .on('member_links')
    .column('person_member_id')
    .execute();

  await db.schema
    .createTable('package_channel_choices')
    .addColumn('person_member_id', 'integer', (c) =>
      c.primaryKey().references('members.id').onDelete('cascade'),
    )
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('chosen_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

/** Drops what `up` created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('package_channel_choices').execute();
  await db.schema.dropTable('member_links').execute();
  await db.schema.dropTable('link_codes').execute();
}

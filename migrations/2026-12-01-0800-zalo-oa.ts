import { sql, type Kysely } from 'kysely';

// Issue 16. The Zalo Official Account channel: its token pair (encrypted; the refresh token is single-use,
// so the row is locked while it is exchanged), when each person last wrote to the OA (the free 48-hour
// window and the 7-day reach are counted from it), and what each send cost as Zalo reported it.

/** Creates zalo_oa_tokens, zalo_oa_contacts and zalo_oa_sends. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('zalo_oa_tokens')
    .addColumn('app_id', 'text', (c) => c.primaryKey())
    .addColumn('access_token', 'text', (c) => c.notNull())
    .addColumn('refresh_token', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('refresh_failed_at', 'timestamptz')
    .addColumn('last_error', 'text')
    .execute();

  await db.schema
    .createTable('zalo_oa_contacts')
    .addColumn('user_id', 'text', (c) => c.primaryKey())
    .addColumn('last_inbound_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_msg_id', 'text')
    .addColumn('unreachable_since', 'timestamptz')
    .addColumn('unreachable_code', 'integer')
    .execute();

  await db.schema
    .createTable('zalo_oa_sends')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('outbox_id', 'bigint')
    .addColumn('recipient_kind', 'text', (c) => c.notNull().check(sql`recipient_kind in ('user', 'group')`))
    .addColumn('recipient_id', 'text', (c) => c.notNull())
    .addColumn('cost', 'text', (c) => c.notNull().check(sql`cost in ('free', 'billed', 'refused')`))
    .addColumn('error_code', 'integer')
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('zalo_oa_sends_sent_at_idx').on('zalo_oa_sends').column('sent_at').execute();
}

/** Drops the three tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('zalo_oa_sends').execute();
  await db.schema.dropTable('zalo_oa_contacts').execute();
  await db.schema.dropTable('zalo_oa_tokens').execute();
}

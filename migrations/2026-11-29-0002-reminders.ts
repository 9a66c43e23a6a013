import { sql, type Kysely } from 'kysely';

// Reminders (issue 5): coordinators' broadcasts wait for a confirmation in the database, not in memory,
// so that a restart or another instance can take the button press; and the job ledger counts attempts,
// so that a failing job is retried within its grace window a bounded number of times.

/** Adds `broadcasts` and `job_runs.attempts`. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('job_runs')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('broadcasts')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('chat_id', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('audience_unit_id', 'integer', (c) => c.references('units.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('recipients', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('decided_at', 'timestamptz')
    .addCheckConstraint('broadcasts_status_valid', sql`status in ('pending', 'confirmed', 'cancelled')`)
    .addCheckConstraint(
      'broadcasts_audience_valid',
      sql`audience in ('chuabaocao', 'cham', 'tatca', 'unit') and (audience = 'unit') = (audience_unit_id is not null)`,
    )
    .execute();
}

/** Drops what `up` added. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('broadcasts').execute();
  await db.schema.alterTable('job_runs').dropColumn('attempts').execute();
}

import { sql, type Kysely } from 'kysely';

// The whole first schema in one migration: every table DESIGN.md §2 names. Rules that are absolute
// (no negative counts, one report per unit and date, one inbox row per update) are constraints here,
// so no code path can break them; rules that need a human's confirmation live in the services.

const ROLES = sql`('reporter', 'coordinator', 'leader')`;

/** Creates every table of the first release. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('start_date', 'date', (c) => c.notNull())
    .addColumn('end_date', 'date', (c) => c.notNull())
    .addColumn('report_cutoff', 'text', (c) => c.notNull())
    .addColumn('settings', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('campaigns_dates_ordered', sql`start_date <= end_date`)
    .execute();

  await db.schema
    .createTable('milestones')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('deadline', 'date', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addUniqueConstraint('milestones_campaign_code_key', ['campaign_id', 'code'])
    .execute();

  await db.schema
    .createTable('units')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('units.id'))
    .addUniqueConstraint('units_campaign_code_key', ['campaign_id', 'code'])
    .addCheckConstraint('units_level_valid', sql`level in ('province', 'district', 'commune')`)
    .addCheckConstraint('units_only_province_is_root', sql`(level = 'province') = (parent_id is null)`)
    .execute();
  await db.schema.createIndex('units_parent_idx').on('units').column('parent_id').execute();

  await db.schema
    .createTable('unit_targets')
    .addColumn('unit_id', 'integer', (c) => c.primaryKey().references('units.id').onDelete('cascade'))
    .addColumn('books', 'integer', (c) => c.notNull().check(sql`books >= 0`))
    .addColumn('cases', 'integer', (c) => c.notNull().check(sql`cases >= 0`))
    .execute();

  await db.schema
    .createTable('members')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('platform_user_id', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ${ROLES}`))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('joined_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('members_campaign_user_key', ['campaign_id', 'platform', 'platform_user_id'])
    .execute();
  await db.schema.createIndex('members_unit_idx').on('members').column('unit_id').execute();

  await db.schema
    .createTable('invites')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull().unique())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ${ROLES}`))
    .addColumn('uses_left', 'integer', (c) => c.notNull().check(sql`uses_left >= 0`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .execute();

  // Failed guesses are counted per user so that invite codes cannot be brute-forced from a chat.
  await db.schema
    .createTable('invite_attempts')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('platform_user_id', 'text', (c) => c.notNull())
    .addColumn('succeeded', 'boolean', (c) => c.notNull())
    .addColumn('attempted_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('invite_attempts_user_idx')
    .on('invite_attempts')
    .columns(['platform', 'platform_user_id', 'attempted_at'])
    .execute();

  await db.schema
    .createTable('group_chats')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('chat_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose in ('leadership', 'coordination')`))
    .addColumn('scope_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('registered_by', 'integer', (c) => c.references('members.id'))
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('registered_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('group_chats_campaign_chat_key', ['campaign_id', 'platform', 'chat_id'])
    .execute();

  await db.schema
    .createTable('inbox')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('update_id', 'bigint', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addColumn('handled_at', 'timestamptz')
    .addUniqueConstraint('inbox_platform_update_key', ['platform', 'update_id'])
    .addCheckConstraint('inbox_status_valid', sql`status in ('pending', 'done', 'failed')`)
    .execute();
  await db.schema.createIndex('inbox_pending_idx').on('inbox').columns(['status', 'id']).execute();

  await db.schema
    .createTable('report_revisions')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('report_date', 'date', (c) => c.notNull())
    .addColumn('member_id', 'integer', (c) => c.references('members.id'))
    .addColumn('source_inbox_id', 'bigint', (c) => c.references('inbox.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('late', 'boolean', (c) => c.notNull())
    .addColumn('books', 'integer', (c) => c.notNull().check(sql`books >= 0`))
    .addColumn('scanned', 'integer', (c) => c.notNull().check(sql`scanned >= 0`))
    .addColumn('entered', 'integer', (c) => c.notNull().check(sql`entered >= 0`))
    .addColumn('attached', 'integer', (c) => c.notNull().check(sql`attached >= 0`))
    .addColumn('warnings', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull())
    .addColumn('decided_at', 'timestamptz')
    .addCheckConstraint('report_revisions_status_valid', sql`status in ('pending', 'accepted', 'discarded')`)
    .execute();
  await db.schema
    .createIndex('report_revisions_unit_date_idx')
    .on('report_revisions')
    .columns(['unit_id', 'report_date'])
    .execute();

  // The current figures of a unit for a day: the latest accepted revision, kept denormalised so that
  // rankings and reports aggregate one row per unit instead of scanning revisions.
  await db.schema
    .createTable('daily_reports')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('report_date', 'date', (c) => c.notNull())
    .addColumn('revision_id', 'bigint', (c) => c.notNull().references('report_revisions.id'))
    .addColumn('late', 'boolean', (c) => c.notNull())
    .addColumn('books', 'integer', (c) => c.notNull().check(sql`books >= 0`))
    .addColumn('scanned', 'integer', (c) => c.notNull().check(sql`scanned >= 0`))
    .addColumn('entered', 'integer', (c) => c.notNull().check(sql`entered >= 0`))
    .addColumn('attached', 'integer', (c) => c.notNull().check(sql`attached >= 0`))
    .addColumn('first_reported_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('daily_reports_unit_date_key', ['unit_id', 'report_date'])
    .addCheckConstraint('daily_reports_pipeline_order', sql`attached <= entered and attached <= scanned`)
    .execute();
  await db.schema.createIndex('daily_reports_date_idx').on('daily_reports').column('report_date').execute();

  await db.schema
    .createTable('sample_files')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('member_id', 'integer', (c) => c.references('members.id'))
    .addColumn('source_inbox_id', 'bigint', (c) => c.references('inbox.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull().check(sql`size_bytes >= 0`))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) =>
      c.notNull().check(sql`verdict in ('accepted', 'warnings', 'rejected')`),
    )
    .addColumn('problems', 'jsonb', (c) => c.notNull())
    .addColumn('content', 'bytea')
    .addColumn('purge_after', 'timestamptz')
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('sample_files_unit_hash_idx')
    .on('sample_files')
    .columns(['unit_id', 'sha256'])
    .execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('chat_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('attachment', 'bytea')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('result', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('sent_at', 'timestamptz')
    .addCheckConstraint('outbox_kind_valid', sql`kind in ('text', 'photo', 'document', 'edit')`)
    .addCheckConstraint('outbox_status_valid', sql`status in ('pending', 'sent', 'failed')`)
    .execute();
  await db.schema
    .createIndex('outbox_due_idx')
    .on('outbox')
    .columns(['status', 'next_attempt_at', 'id'])
    .execute();
  // Keeps the per-chat ordering check (no earlier pending row in the same chat) an index lookup.
  await db.schema
    .createIndex('outbox_chat_pending_idx')
    .on('outbox')
    .columns(['platform', 'chat_id', 'id'])
    .where(sql.ref('status'), '=', 'pending')
    .execute();

  await db.schema
    .createTable('job_runs')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('job', 'text', (c) => c.notNull())
    .addColumn('slot', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('instance', 'text', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('finished_at', 'timestamptz')
    .addColumn('outcome', 'jsonb')
    .addUniqueConstraint('job_runs_job_slot_key', ['job', 'slot'])
    .addCheckConstraint('job_runs_status_valid', sql`status in ('running', 'done', 'failed', 'skipped')`)
    .execute();

  // A multi-step chat (e.g. /baocao asking each figure in turn) keeps its state here, not in memory,
  // so that a restart or another instance can carry on.
  await db.schema
    .createTable('conversations')
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('chat_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('state', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('conversations_pkey', ['platform', 'chat_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'integer', (c) => c.references('campaigns.id').onDelete('cascade'))
    .addColumn('details', 'jsonb', (c) => c.notNull())
    .execute();
}

/** Drops every table, dependants first. */
export async function down(db: Kysely<unknown>): Promise<void> {
  const tables = [
    'audit_log',
    'conversations',
    'job_runs',
    'outbox',
    'sample_files',
    'daily_reports',
    'report_revisions',
    'inbox',
    'group_chats',
    'invite_attempts',
    'invites',
    'members',
    'unit_targets',
    'units',
    'milestones',
    'campaigns',
  ];
  for (const table of tables) await db.schema.dropTable(table).execute();
}

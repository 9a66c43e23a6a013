import type { SelectType } from 'kysely';
import type { DatabaseSchema } from '../../src/db/database-schema.js';

/** Whether a column may hold SQL NULL, as information_schema says it ('YES' / 'NO'). */
export type Nullability = 'null' | 'not null';

// A jsonb column reads as `unknown` (JSON itself may be `null`), so its type cannot tell; either is allowed.
type NullabilityOf<T> = unknown extends T ? Nullability : null extends T ? 'null' : 'not null';

/**
 * The shape the list below must have, derived from DatabaseSchema: every table, every column of its row
 * type, no others, and the nullability the row type implies.
 */
export type ExpectedSchema = {
  readonly [Table in keyof DatabaseSchema]: {
    readonly [Column in keyof DatabaseSchema[Table] & string]: NullabilityOf<
      SelectType<DatabaseSchema[Table][Column]>
    >;
  };
};

/**
 * The tables and columns the migrations must produce, written out by hand. `satisfies` makes the compiler
 * hold this list to DatabaseSchema (a missing, extra or wrongly nullable column is a type error), and
 * schema-matches-migrations.test.ts holds the migrated database to this list: so the type and the
 * migrations cannot drift apart without failing the build.
 */
export const expectedSchema = {
  campaigns: {
    id: 'not null',
    code: 'not null',
    name: 'not null',
    province_code: 'not null',
    time_zone: 'not null',
    start_date: 'not null',
    end_date: 'not null',
    report_cutoff: 'not null',
    settings: 'not null',
    created_at: 'not null',
    updated_at: 'not null',
  },
  milestones: {
    id: 'not null',
    campaign_id: 'not null',
    code: 'not null',
    title: 'not null',
    metric: 'not null',
    deadline: 'not null',
    position: 'not null',
  },
  units: {
    id: 'not null',
    campaign_id: 'not null',
    code: 'not null',
    name: 'not null',
    type: 'not null',
    level: 'not null',
    parent_id: 'null',
  },
  unit_targets: {
    unit_id: 'not null',
    books: 'not null',
    cases: 'not null',
  },
  members: {
    id: 'not null',
    campaign_id: 'not null',
    platform: 'not null',
    platform_user_id: 'not null',
    display_name: 'not null',
    role: 'not null',
    unit_id: 'not null',
    active: 'not null',
    joined_at: 'not null',
    updated_at: 'not null',
  },
  invites: {
    id: 'not null',
    campaign_id: 'not null',
    code_hash: 'not null',
    unit_id: 'not null',
    role: 'not null',
    uses_left: 'not null',
    expires_at: 'not null',
    created_by: 'not null',
    created_at: 'not null',
    revoked_at: 'null',
  },
  invite_attempts: {
    id: 'not null',
    campaign_id: 'null',
    platform: 'not null',
    platform_user_id: 'not null',
    succeeded: 'not null',
    attempted_at: 'not null',
  },
  group_chats: {
    id: 'not null',
    campaign_id: 'not null',
    platform: 'not null',
    chat_id: 'not null',
    title: 'not null',
    purpose: 'not null',
    scope_unit_id: 'not null',
    registered_by: 'null',
    active: 'not null',
    registered_at: 'not null',
  },
  inbox: {
    id: 'not null',
    platform: 'not null',
    update_id: 'not null',
    payload: 'not null',
    status: 'not null',
    attempts: 'not null',
    last_error: 'null',
    received_at: 'not null',
    handled_at: 'null',
    redacted_at: 'null',
  },
  report_revisions: {
    id: 'not null',
    unit_id: 'not null',
    report_date: 'not null',
    member_id: 'null',
    source_inbox_id: 'null',
    status: 'not null',
    late: 'not null',
    books: 'not null',
    scanned: 'not null',
    entered: 'not null',
    attached: 'not null',
    warnings: 'not null',
    submitted_at: 'not null',
    decided_at: 'null',
  },
  daily_reports: {
    id: 'not null',
    unit_id: 'not null',
    report_date: 'not null',
    revision_id: 'not null',
    late: 'not null',
    books: 'not null',
    scanned: 'not null',
    entered: 'not null',
    attached: 'not null',
    first_reported_at: 'not null',
    updated_at: 'not null',
  },
  sample_files: {
    id: 'not null',
    unit_id: 'not null',
    member_id: 'null',
    source_inbox_id: 'null',
    file_name: 'not null',
    size_bytes: 'not null',
    sha256: 'not null',
    verdict: 'not null',
    problems: 'not null',
    content: 'null',
    purge_after: 'null',
    received_at: 'not null',
  },
  outbox: {
    id: 'not null',
    dedupe_key: 'not null',
    platform: 'not null',
    chat_id: 'not null',
    kind: 'not null',
    payload: 'not null',
    attachment: 'null',
    status: 'not null',
    attempts: 'not null',
    next_attempt_at: 'not null',
    last_error: 'null',
    result: 'null',
    created_at: 'not null',
    sent_at: 'null',
    redacted_at: 'null',
  },
  job_runs: {
    id: 'not null',
    job: 'not null',
    slot: 'not null',
    status: 'not null',
    instance: 'not null',
    started_at: 'not null',
    finished_at: 'null',
    outcome: 'null',
    attempts: 'not null',
  },
  audit_log: {
    id: 'not null',
    at: 'not null',
    actor: 'not null',
    action: 'not null',
    campaign_id: 'null',
    details: 'not null',
  },
  conversations: {
    platform: 'not null',
    chat_id: 'not null',
    user_id: 'not null',
    kind: 'not null',
    state: 'not null',
    updated_at: 'not null',
    expires_at: 'not null',
  },
  broadcasts: {
    id: 'not null',
    campaign_id: 'not null',
    member_id: 'not null',
    platform: 'not null',
    chat_id: 'not null',
    audience: 'not null',
    audience_unit_id: 'null',
    text: 'not null',
    recipients: 'not null',
    status: 'not null',
    created_at: 'not null',
    expires_at: 'not null',
    decided_at: 'null',
  },
} as const satisfies ExpectedSchema;

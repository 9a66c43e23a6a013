import { sql } from 'kysely';
import type { Db } from './database.js';

/** What one redaction pass changed, per table. */
export interface RedactionCounts {
  readonly inbox: number;
  readonly outbox: number;
  readonly sampleFileNames: number;
  readonly broadcasts: number;
  readonly conversations: number;
}

// The payload left in place of a redacted one: still valid JSON, visibly redacted, no content.
const REDACTED = sql`'{"redacted": true}'::jsonb`;

/**
 * Redacts chat content received before `cutoff` (DESIGN §6): the raw updates' payloads and errors in the
 * inbox; the payloads, attachments and platform answers of sent or failed outbox rows (their platform
 * message id stays, for edits); the names of sample files; the text of decided reminder broadcasts; and
 * conversations left open. Ids, statuses, attempts and timings stay, so figures and audits still add up.
 * Only finished rows are touched: a pending update or message is still needed. Idempotent.
 */
export async function redactChatContentBefore(db: Db, cutoff: Date, now: Date): Promise<RedactionCounts> {
  const inbox = await sql`
    update inbox set payload = ${REDACTED}, last_error = null, redacted_at = ${now}
    where redacted_at is null and received_at < ${cutoff} and status in ('done', 'failed')`.execute(db);
  const outbox = await sql`
    update outbox set
      payload = ${REDACTED},
      attachment = null,
      last_error = null,
      result = case when jsonb_typeof(result) = 'object' and result ? 'message_id'
        then jsonb_build_object('message_id', result -> 'message_id') else null end,
      redacted_at = ${now}
    where redacted_at is null and created_at < ${cutoff} and status in ('sent', 'failed')`.execute(db);
  // A sample's name is what its sender typed (often a person's name): keep only its id and extension,
  // here and where its verdict quotes it (compared in JSON-escaped form, as the jsonb text shows it).
  const samples = await sql`
    with renamed as (
      select id, file_name as old_name,
        'mau-' || id || coalesce(substring(lower(file_name) from '(\\.[a-z0-9]{1,5})$'), '') as new_name
      from sample_files
      where received_at < ${cutoff} and file_name !~ '^mau-[0-9]+(\\.[a-z0-9]{1,5})?$'
    )
    update sample_files s set
      file_name = r.new_name,
      problems = replace(
        s.problems::text,
        trim(both '"' from to_jsonb(r.old_name)::text),
        trim(both '"' from to_jsonb(r.new_name)::text)
      )::jsonb
    from renamed r where s.id = r.id`.execute(db);
  const broadcasts = await sql`
    update broadcasts set text = '' where created_at < ${cutoff} and status <> 'pending' and text <> ''`.execute(
    db,
  );
  const conversations = await sql`delete from conversations where updated_at < ${cutoff}`.execute(db);
  return {
    inbox: Number(inbox.numAffectedRows ?? 0),
    outbox: Number(outbox.numAffectedRows ?? 0),
    sampleFileNames: Number(samples.numAffectedRows ?? 0),
    broadcasts: Number(broadcasts.numAffectedRows ?? 0),
    conversations: Number(conversations.numAffectedRows ?? 0),
  };
}

import type { Db } from './database.js';

// Read-only queries about what has happened — the latest revision of a report, the newest sample of a
// name, a member's latest broadcast, the reminders delivered — for readers that must not depend on how
// the bot worded its answers (the demo's simulated people, checks after a run).

/** The newest revision of a unit's report for a date, whatever its status. */
export async function findNewestRevision(db: Db, unitId: number, reportDate: string) {
  return db
    .selectFrom('report_revisions')
    .select(['id', 'status', 'books', 'scanned', 'entered', 'attached'])
    .where('unit_id', '=', unitId)
    .where('report_date', '=', reportDate)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The newest sample file a unit sent under this name, with its verdict and problems. */
export async function findNewestSampleNamed(db: Db, unitId: number, fileName: string) {
  return db
    .selectFrom('sample_files')
    .select(['id', 'verdict', 'problems'])
    .where('unit_id', '=', unitId)
    .where('file_name', '=', fileName)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The first sample of that name recorded after `afterId`: the file as sent, before any converted copy. */
export async function findFirstSampleNamedAfter(db: Db, unitId: number, fileName: string, afterId: number) {
  return db
    .selectFrom('sample_files')
    .select(['id', 'verdict', 'problems'])
    .where('unit_id', '=', unitId)
    .where('file_name', '=', fileName)
    .where('id', '>', afterId)
    .orderBy('id', 'asc')
    .limit(1)
    .executeTakeFirst();
}

/** A member's newest broadcast (`/nhacnho`), with its status. */
export async function findNewestBroadcastOf(db: Db, memberId: number) {
  return db
    .selectFrom('broadcasts')
    .select(['id', 'status'])
    .where('member_id', '=', memberId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Messages delivered in a time window whose dedupe key starts with one of the prefixes, each with the
 * role its recipient has in the campaign (null for a group or a stranger). A private chat's id is its
 * user's id, which is how the recipient is found.
 */
export async function listDeliveredByKeyPrefix(
  db: Db,
  query: {
    readonly campaignId: number;
    readonly prefixes: readonly string[];
    readonly from: Date;
    readonly to: Date;
    readonly chatId?: string;
  },
) {
  let select = db
    .selectFrom('outbox')
    .leftJoin('members', (join) =>
      join
        .onRef('members.platform', '=', 'outbox.platform')
        .onRef('members.platform_user_id', '=', 'outbox.chat_id')
        .on('members.campaign_id', '=', query.campaignId),
    )
    .select([
      'outbox.dedupe_key as dedupeKey',
      'outbox.platform as platform',
      'outbox.chat_id as chatId',
      'outbox.sent_at as sentAt',
      'members.role as role',
    ])
    .where('outbox.status', '=', 'sent')
    .where('outbox.sent_at', '>=', query.from)
    .where('outbox.sent_at', '<', query.to)
    .where((eb) =>
      eb.or(query.prefixes.map((prefix) => eb('outbox.dedupe_key', 'like', `${escapeLike(prefix)}%`))),
    );
  if (query.chatId !== undefined) select = select.where('outbox.chat_id', '=', query.chatId);
  return select.orderBy('outbox.id').execute();
}

/** A LIKE pattern matching the text literally (keys hold `_`, which LIKE reads as a wildcard). */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

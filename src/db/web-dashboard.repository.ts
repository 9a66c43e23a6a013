import { sql } from 'kysely';
import type { Db } from './database.js';
import type { UnitRow } from './unit.table.js';

/** A commune's figures on one day (its current version). */
export interface UnitDayRow {
  readonly report_date: string;
  readonly books: number;
  readonly scanned: number;
  readonly entered: number;
  readonly attached: number;
  readonly late: boolean;
}

/** A commune's daily figures between two dates, newest first. */
export async function listUnitDays(db: Db, unitId: number, from: string, to: string): Promise<UnitDayRow[]> {
  return db
    .selectFrom('daily_reports')
    .select(['report_date', 'books', 'scanned', 'entered', 'attached', 'late'])
    .where('unit_id', '=', unitId)
    .where('report_date', '>=', from)
    .where('report_date', '<=', to)
    .orderBy('report_date', 'desc')
    .execute();
}

/** One submitted version of a report, with who sent it and from which stored message. */
export interface UnitRevisionRow extends UnitDayRow {
  readonly id: number;
  readonly status: 'pending' | 'accepted' | 'discarded';
  readonly submitted_at: Date;
  readonly source_inbox_id: number | null;
  readonly member_name: string | null;
}

/** The latest `limit` revisions of a commune's reports (every status), newest first. */
export async function listUnitRevisions(db: Db, unitId: number, limit: number): Promise<UnitRevisionRow[]> {
  return db
    .selectFrom('report_revisions as r')
    .leftJoin('members as m', 'm.id', 'r.member_id')
    .select([
      'r.id',
      'r.report_date',
      'r.books',
      'r.scanned',
      'r.entered',
      'r.attached',
      'r.late',
      'r.status',
      'r.submitted_at',
      'r.source_inbox_id',
      'm.display_name as member_name',
    ])
    .where('r.unit_id', '=', unitId)
    .orderBy('r.submitted_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(limit)
    .execute();
}

/** A checked sample file's verdict (not its bytes). */
export interface UnitSampleRow {
  readonly id: number;
  readonly file_name: string;
  readonly verdict: 'accepted' | 'warnings' | 'rejected';
  readonly problem_count: number;
  readonly received_at: Date;
}

/** The latest `limit` sample files of a commune, newest first. */
export async function listUnitSamples(db: Db, unitId: number, limit: number): Promise<UnitSampleRow[]> {
  const rows = await db
    .selectFrom('sample_files')
    .select(['id', 'file_name', 'verdict', 'received_at', sql<number>`jsonb_array_length(problems)`.as('n')])
    .where('unit_id', '=', unitId)
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(({ n, ...row }) => ({ ...row, problem_count: Number(n) }));
}

/** A reminder that went to one of a commune's members. */
export interface UnitReminderRow {
  readonly dedupe_key: string;
  readonly status: 'pending' | 'sent' | 'failed';
  readonly created_at: Date;
  readonly sent_at: Date | null;
}

/**
 * The latest `limit` reminders sent to the members of a commune: the scheduled calls and notes (job keys
 * of `jobs`) and coordinators' broadcasts, found by the chats of the unit's members.
 */
export async function listUnitReminders(
  db: Db,
  unitId: number,
  jobs: readonly string[],
  limit: number,
): Promise<UnitReminderRow[]> {
  const prefixes = [...jobs.map((j) => `job:${j}:%`), 'broadcast:%'];
  return db
    .selectFrom('outbox as o')
    .innerJoin('members as m', (join) =>
      join.onRef('m.platform', '=', 'o.platform').onRef('m.platform_user_id', '=', 'o.chat_id'),
    )
    .select(['o.dedupe_key', 'o.status', 'o.created_at', 'o.sent_at'])
    .where('m.unit_id', '=', unitId)
    .where((eb) => eb.or(prefixes.map((p) => eb('o.dedupe_key', 'like', p))))
    .orderBy('o.created_at', 'desc')
    .orderBy('o.id', 'desc')
    .limit(limit)
    .execute();
}

/** Every unit of a campaign (a province has a few hundred: one read serves a whole page). */
export async function listCampaignUnits(db: Db, campaignId: number): Promise<UnitRow[]> {
  return db.selectFrom('units').selectAll().where('campaign_id', '=', campaignId).orderBy('id').execute();
}

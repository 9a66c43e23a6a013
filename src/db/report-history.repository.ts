import type { Role } from '../domain/role.js';
import type { Db } from './database.js';
import type { DailyReportRow } from './daily-report.table.js';
import type { ReportOrigin } from './report-revision.table.js';

/** A unit's current report for each day in [from, to], oldest first. */
export async function listUnitReportsBetween(
  db: Db,
  unitId: number,
  from: string,
  to: string,
): Promise<DailyReportRow[]> {
  return db
    .selectFrom('daily_reports')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where('report_date', '>=', from)
    .where('report_date', '<=', to)
    .orderBy('report_date')
    .execute();
}

/** One accepted version of a day's report, with who sent it. */
export interface AcceptedRevisionRow {
  readonly id: number;
  readonly report_date: string;
  readonly submitted_at: Date;
  readonly decided_at: Date | null;
  readonly late: boolean;
  readonly books: number;
  readonly scanned: number;
  readonly entered: number;
  readonly attached: number;
  readonly display_name: string | null;
  readonly role: Role | null;
  /** 'carry-over' when a reorganisation carried retired units' figures here (no member sent it). */
  readonly origin: ReportOrigin;
}

/** The accepted versions of a unit's reports for days in [from, to], in the order they were sent. */
export async function listAcceptedRevisionsBetween(
  db: Db,
  unitId: number,
  from: string,
  to: string,
): Promise<AcceptedRevisionRow[]> {
  return db
    .selectFrom('report_revisions as r')
    .leftJoin('members as m', 'm.id', 'r.member_id')
    .select([
      'r.id',
      'r.report_date',
      'r.submitted_at',
      'r.decided_at',
      'r.late',
      'r.books',
      'r.scanned',
      'r.entered',
      'r.attached',
      'm.display_name',
      'm.role',
      'r.origin',
    ])
    .where('r.unit_id', '=', unitId)
    .where('r.status', '=', 'accepted')
    .where('r.report_date', '>=', from)
    .where('r.report_date', '<=', to)
    .orderBy('r.submitted_at')
    .orderBy('r.id')
    .execute();
}

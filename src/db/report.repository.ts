import type { StoredReportWarning } from '../domain/report-warning.js';
import type { Db } from './database.js';
import type { DailyReportRow } from './daily-report.table.js';
import type { NewReportRevisionRow, ReportRevisionRow } from './report-revision.table.js';

/** A unit's latest current report on or before a date. */
export async function findLatestReport(
  db: Db,
  unitId: number,
  onOrBefore: string,
): Promise<DailyReportRow | undefined> {
  return db
    .selectFrom('daily_reports')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where('report_date', '<=', onOrBefore)
    .orderBy('report_date', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Stores a submitted revision. */
export async function insertRevision(
  db: Db,
  row: Omit<NewReportRevisionRow, 'id' | 'status' | 'warnings' | 'decided_at'> & {
    readonly status: 'pending' | 'accepted';
    readonly warnings: readonly StoredReportWarning[];
  },
): Promise<ReportRevisionRow> {
  return db
    .insertInto('report_revisions')
    .values({
      ...row,
      warnings: JSON.stringify(row.warnings),
      decided_at: row.status === 'accepted' ? row.submitted_at : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Locks a revision for a decision (confirm or cancel). */
export async function findRevisionForUpdate(db: Db, id: number): Promise<ReportRevisionRow | undefined> {
  return db.selectFrom('report_revisions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Records a decision on a pending revision. */
export async function decideRevision(
  db: Db,
  id: number,
  status: 'accepted' | 'discarded',
  at: Date,
): Promise<void> {
  await db.updateTable('report_revisions').set({ status, decided_at: at }).where('id', '=', id).execute();
}

/** Discards every other pending revision of a unit and date: a newer submission supersedes them. */
export async function discardPendingRevisions(
  db: Db,
  unitId: number,
  date: string,
  at: Date,
  exceptId?: number,
): Promise<void> {
  let query = db
    .updateTable('report_revisions')
    .set({ status: 'discarded', decided_at: at })
    .where('unit_id', '=', unitId)
    .where('report_date', '=', date)
    .where('status', '=', 'pending');
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  await query.execute();
}

/** Makes a revision the unit's current report for its date (one row per unit and date). */
export async function upsertDailyReport(db: Db, revision: ReportRevisionRow, at: Date): Promise<void> {
  const figures = {
    books: revision.books,
    scanned: revision.scanned,
    entered: revision.entered,
    attached: revision.attached,
  };
  await db
    .insertInto('daily_reports')
    .values({
      unit_id: revision.unit_id,
      report_date: revision.report_date,
      revision_id: revision.id,
      late: revision.late,
      ...figures,
      first_reported_at: at,
      updated_at: at,
    })
    .onConflict((oc) =>
      oc
        .columns(['unit_id', 'report_date'])
        .doUpdateSet({ ...figures, revision_id: revision.id, late: revision.late, updated_at: at }),
    )
    .execute();
}

import type { Generated, Insertable, Selectable } from 'kysely';
import type { StoredReportWarning } from '../domain/report-warning.js';
import type { DateColumn, FigureColumns, JsonColumn } from './column-types.js';

/** Row of `report_revisions`: every submitted version of a day's report, kept for the record. */
export interface ReportRevisionTable extends FigureColumns {
  id: Generated<number>;
  unit_id: number;
  report_date: DateColumn;
  member_id: number | null;
  source_inbox_id: number | null;
  status: 'pending' | 'accepted' | 'discarded';
  late: boolean;
  warnings: JsonColumn<StoredReportWarning[]>;
  submitted_at: Date;
  decided_at: Date | null;
  /** Sent by a person ('report'), or the sum of retired units' figures a reorganisation carried over. */
  origin: Generated<ReportOrigin>;
}

/** Where a revision's figures came from. */
export type ReportOrigin = 'report' | 'carry-over';
export type ReportRevisionRow = Selectable<ReportRevisionTable>;
export type NewReportRevisionRow = Insertable<ReportRevisionTable>;

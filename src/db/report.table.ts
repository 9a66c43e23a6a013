import type { Generated, Selectable } from 'kysely';
import type { DateColumn, JsonColumn } from './campaign.table.js';

/** The four cumulative figures a commune reports. */
export interface FigureColumns {
  books: number;
  scanned: number;
  entered: number;
  attached: number;
}

/** Row of `report_revisions`: every submitted version of a day's report, kept for the record. */
export interface ReportRevisionTable extends FigureColumns {
  id: Generated<number>;
  unit_id: number;
  report_date: DateColumn;
  member_id: number | null;
  source_inbox_id: number | null;
  status: 'pending' | 'accepted' | 'discarded';
  late: boolean;
  warnings: JsonColumn<string[]>;
  submitted_at: Date;
  decided_at: Date | null;
}
export type ReportRevisionRow = Selectable<ReportRevisionTable>;

/** Row of `daily_reports`: a unit's current figures for one local date. */
export interface DailyReportTable extends FigureColumns {
  id: Generated<number>;
  unit_id: number;
  report_date: DateColumn;
  revision_id: number;
  late: boolean;
  first_reported_at: Date;
  updated_at: Date;
}
export type DailyReportRow = Selectable<DailyReportTable>;

/** Row of `sample_files`: a checked sample and its verdict. */
export interface SampleFileTable {
  id: Generated<number>;
  unit_id: number;
  member_id: number | null;
  source_inbox_id: number | null;
  file_name: string;
  size_bytes: number;
  sha256: string;
  verdict: 'accepted' | 'warnings' | 'rejected';
  problems: JsonColumn<unknown[]>;
  content: Buffer | null;
  purge_after: Date | null;
  received_at: Date;
}

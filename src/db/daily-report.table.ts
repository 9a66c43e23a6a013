import type { Generated, Insertable, Selectable } from 'kysely';
import type { DateColumn, FigureColumns } from './column-types.js';

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
export type NewDailyReportRow = Insertable<DailyReportTable>;

/** A unit's figures on one day: what a series or a carry-over reads of a report. */
export type UnitDayFigures = Pick<DailyReportRow, 'unit_id' | 'report_date' | keyof FigureColumns>;

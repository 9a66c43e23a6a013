import type { ColumnType } from 'kysely';

/** A `date` column: PostgreSQL dates travel as 'YYYY-MM-DD' strings (see database.ts type parsers). */
export type DateColumn = ColumnType<string, string, string>;

/** A `jsonb` column: written as a JSON string, read back parsed. */
export type JsonColumn<T> = ColumnType<T, string, string>;

/** The four cumulative figures a commune reports, columns of both `report_revisions` and `daily_reports`. */
export interface FigureColumns {
  books: number;
  scanned: number;
  entered: number;
  attached: number;
}

import type { UnitProgressRow } from '../domain/daily-report-data.js';
import { LEVEL_LABELS } from '../messages/unit-label-messages.js';

/** One table of the `sohoa export` output: the rows of one unit level on one date. */
export interface ExportSheet {
  /** Sheet name, e.g. 'Tỉnh', 'Huyện', 'Xã'. */
  name: string;
  level: UnitProgressRow['level'];
  /** The report date, YYYY-MM-DD local. */
  date: string;
  /** The campaign's time zone, in which report times are written. */
  timeZone: string;
  rows: UnitProgressRow[];
}

const LEVEL_ORDER: readonly UnitProgressRow['level'][] = ['province', 'district', 'commune'];

/** Groups rows into one sheet per level present, province first: Tỉnh / Huyện / Xã. */
export function groupExportSheets(
  rows: readonly UnitProgressRow[],
  date: string,
  timeZone: string,
): ExportSheet[] {
  return LEVEL_ORDER.flatMap((level) => {
    const levelRows = rows.filter((row) => row.level === level);
    return levelRows.length > 0
      ? [{ name: LEVEL_LABELS[level], level, date, timeZone, rows: levelRows }]
      : [];
  });
}

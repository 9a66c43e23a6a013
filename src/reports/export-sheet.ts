import type { UnitProgressRow } from '../domain/daily-report-data.js';
import { levelOf, type LevelDefinition } from '../domain/unit.js';

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

/**
 * Groups rows into one sheet per level present, in the campaign's order and named by its levels: Tỉnh /
 * Huyện / Xã, Tỉnh / Cụm / Xã, or Tỉnh / Xã on the two-level map.
 */
export function groupExportSheets(
  rows: readonly UnitProgressRow[],
  date: string,
  timeZone: string,
  levels: readonly LevelDefinition[],
): ExportSheet[] {
  const known = new Set(levels.map((l) => l.code));
  const extra = [...new Set(rows.map((r) => r.level))].filter((code) => !known.has(code));
  return [...levels.map((l) => l.code), ...extra].flatMap((level) => {
    const levelRows = rows.filter((row) => row.level === level);
    return levelRows.length > 0
      ? [{ name: levelOf(levels, level).name, level, date, timeZone, rows: levelRows }]
      : [];
  });
}

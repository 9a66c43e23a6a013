import type { UnitProgressRow } from '../domain/daily-report-data.js';
import type { ExportSheet } from './export-sheet.js';
import { PACE_LABELS, TIMING_LABELS } from '../messages/unit-label-messages.js';
import { toLocalDateTime } from '../messages/vi-format.js';
import { EXPORT_HEADERS, forecastWords } from '../messages/report-document-messages.js';
import { METRIC_CODES } from '../domain/campaign-file.js';

/** A value as the export formats need it; the writers decide how each kind is written. */
export type ExportValue =
  | { kind: 'text'; value: string }
  | { kind: 'integer'; value: number | null }
  | { kind: 'decimal'; value: number | null }
  | { kind: 'date'; value: string } // YYYY-MM-DD
  | { kind: 'local-datetime'; value: { date: string; time: string } | null }; // in the campaign's zone

/** One column of the export table, shared by the xlsx and csv writers so they always agree. */
export interface ExportColumn {
  header: string;
  /** Width in Excel character units. */
  width: number;
  value: (row: UnitProgressRow, sheet: ExportSheet) => ExportValue;
}

const text = (value: string): ExportValue => ({ kind: 'text', value });
const integer = (value: number | null): ExportValue => ({ kind: 'integer', value });

function localDateTime(instant: Date | null, timeZone: string): ExportValue {
  if (!instant) return { kind: 'local-datetime', value: null };
  const t = toLocalDateTime(instant, timeZone);
  return {
    kind: 'local-datetime',
    value: { date: `${t.year}-${t.month}-${t.day}`, time: `${t.hour}:${t.minute}` },
  };
}

/** The export columns, in order. Completion is in percent (62.4), the way leaders read it. */
export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { header: EXPORT_HEADERS.date, width: 12, value: (_row, sheet) => ({ kind: 'date', value: sheet.date }) },
  { header: EXPORT_HEADERS.unitCode, width: 11, value: (row) => text(row.unitCode) },
  { header: EXPORT_HEADERS.unitName, width: 26, value: (row) => text(row.unitName) },
  { header: EXPORT_HEADERS.parentName, width: 22, value: (row) => text(row.parentName ?? '') },
  { header: EXPORT_HEADERS.targetBooks, width: 12, value: (row) => integer(row.targetBooks) },
  { header: EXPORT_HEADERS.targetCases, width: 14, value: (row) => integer(row.targetCases) },
  { header: EXPORT_HEADERS.books, width: 11, value: (row) => integer(row.books) },
  { header: EXPORT_HEADERS.scanned, width: 11, value: (row) => integer(row.scanned) },
  { header: EXPORT_HEADERS.entered, width: 11, value: (row) => integer(row.entered) },
  { header: EXPORT_HEADERS.attached, width: 21, value: (row) => integer(row.attached) },
  { header: EXPORT_HEADERS.attachedChange, width: 15, value: (row) => integer(row.attachedChange) },
  {
    header: EXPORT_HEADERS.completion,
    width: 20,
    value: (row) => ({ kind: 'decimal', value: row.completion === null ? null : row.completion * 100 }),
  },
  { header: EXPORT_HEADERS.rank, width: 10, value: (row) => integer(row.rank) },
  {
    header: EXPORT_HEADERS.plan,
    width: 16,
    value: (row) => ({ kind: 'decimal', value: row.plan === null ? null : row.plan * 100 }),
  },
  // The domain's one pace; whether the unit reported today is the next column, never a pace.
  { header: EXPORT_HEADERS.pace, width: 24, value: (row) => text(PACE_LABELS[row.pace]) },
  { header: EXPORT_HEADERS.timing, width: 16, value: (row) => text(TIMING_LABELS[row.timing]) },
  {
    header: EXPORT_HEADERS.lastReportAt,
    width: 17,
    value: (row, sheet) => localDateTime(row.lastReportAt, sheet.timeZone),
  },
  // One forecast per step; a step without a deadline in the campaign stays empty.
  ...METRIC_CODES.map((metric): ExportColumn => ({
    header: EXPORT_HEADERS.forecast[metric],
    width: 34,
    value: (row) => text(row.forecasts[metric] ? forecastWords(row.forecasts[metric], metric) : ''),
  })),
];

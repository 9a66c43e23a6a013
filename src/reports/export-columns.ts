import type { UnitProgressRow } from './daily-report-data.js';
import type { ExportSheet } from './export-sheet.js';
import { PACE_LABELS, TIMING_LABELS } from './unit-labels.js';
import { toLocalDateTime } from '../messages/vi-format.js';

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
  { header: 'Ngày', width: 12, value: (_row, sheet) => ({ kind: 'date', value: sheet.date }) },
  { header: 'Mã đơn vị', width: 11, value: (row) => text(row.unitCode) },
  { header: 'Đơn vị', width: 26, value: (row) => text(row.unitName) },
  { header: 'Trực thuộc', width: 22, value: (row) => text(row.parentName ?? '') },
  { header: 'Chỉ tiêu sổ', width: 12, value: (row) => integer(row.targetBooks) },
  { header: 'Chỉ tiêu hồ sơ', width: 14, value: (row) => integer(row.targetCases) },
  { header: 'Sổ đã thu', width: 11, value: (row) => integer(row.books) },
  { header: 'Đã quét', width: 11, value: (row) => integer(row.scanned) },
  { header: 'Đã nhập', width: 11, value: (row) => integer(row.entered) },
  { header: 'Đã đính kèm & rà soát', width: 21, value: (row) => integer(row.attached) },
  { header: 'Tăng trong ngày', width: 15, value: (row) => integer(row.attachedChange) },
  {
    header: 'Tỷ lệ hoàn thành (%)',
    width: 20,
    value: (row) => ({ kind: 'decimal', value: row.completion === null ? null : row.completion * 100 }),
  },
  { header: 'Xếp hạng', width: 10, value: (row) => integer(row.rank) },
  { header: 'Tiến độ', width: 14, value: (row) => text(PACE_LABELS[row.pace]) },
  { header: 'Báo cáo hôm nay', width: 16, value: (row) => text(TIMING_LABELS[row.timing]) },
  {
    header: 'Báo cáo lúc',
    width: 17,
    value: (row, sheet) => localDateTime(row.lastReportAt, sheet.timeZone),
  },
];

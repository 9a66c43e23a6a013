import type { DailyReportData, UnitProgressRow } from '../domain/daily-report-data.js';
import type { PdfTableColumn, PdfTableSpec } from './pdf-table.js';
import { PACE_COLORS } from './report-palette.js';
import { rankedRows, unrankedRows } from '../domain/report-rows.js';
import { shortDistrictName } from '../messages/unit-label-messages.js';
import { COMMUNE_LEVEL, levelOf } from '../domain/unit.js';
import { formatNumber, formatPercent, formatSignedNumber, formatTime } from '../messages/vi-format.js';
import { forecastWords, unitTableWords } from '../messages/report-document-messages.js';

/** A table line: a unit, or the scope's totals drawn in bold at the end. */
export interface UnitTableLine {
  row: UnitProgressRow;
  isTotal: boolean;
}

// The scope's own row, computed once by the domain's groupRow, under the table's label.
function totalsLine(data: DailyReportData, name: string): UnitTableLine {
  return { isTotal: true, row: { ...data.scopeTotal, unitCode: '', unitName: name } };
}

function columns(
  data: DailyReportData,
  unitHeader: string,
  parentHeader: string | null,
): PdfTableColumn<UnitTableLine>[] {
  const all: (PdfTableColumn<UnitTableLine> | null)[] = [
    { header: unitHeader, align: 'left', flexible: true, cell: ({ row }) => row.unitName },
    parentHeader !== null
      ? {
          header: parentHeader,
          align: 'left',
          flexible: true,
          cell: ({ row }) => (row.parentName ? shortDistrictName(row.parentName) : ''),
        }
      : null,
    { header: unitTableWords.books, align: 'right', cell: ({ row }) => formatNumber(row.books) },
    { header: unitTableWords.scanned, align: 'right', cell: ({ row }) => formatNumber(row.scanned) },
    { header: unitTableWords.entered, align: 'right', cell: ({ row }) => formatNumber(row.entered) },
    { header: unitTableWords.attached, align: 'right', cell: ({ row }) => formatNumber(row.attached) },
    {
      header: unitTableWords.completion,
      align: 'right',
      cell: ({ row }) => (row.completion === null ? '–' : formatPercent(row.completion)),
      marker: ({ row, isTotal }) => (isTotal || row.completion === null ? null : PACE_COLORS[row.pace]),
    },
    {
      header: unitTableWords.rank,
      align: 'center',
      cell: ({ row }) => (row.rank === null ? '–' : String(row.rank)),
    },
    {
      header: unitTableWords.attachedChange,
      align: 'right',
      cell: ({ row }) => formatSignedNumber(row.attachedChange),
    },
    {
      header: unitTableWords.forecast,
      align: 'right',
      cell: ({ row }) => forecastWords(row.forecasts.attached, 'attached', true),
    },
    {
      // Time and timing share one cell: the table must fit a portrait A4 page with the forecast.
      header: unitTableWords.timing,
      align: 'center',
      cell: ({ row, isTotal }) =>
        isTotal
          ? '–'
          : unitTableWords.timingCell(
              row.timing,
              row.lastReportAt && row.timing !== 'missing'
                ? formatTime(row.lastReportAt, data.timeZone)
                : null,
            ),
    },
  ];
  return all.filter((column): column is PdfTableColumn<UnitTableLine> => column !== null);
}

/** Every commune in scope: ranked first, then those without a target, then the scope totals. */
export function communeTableSpec(data: DailyReportData): PdfTableSpec<UnitTableLine> {
  const lines = [...rankedRows(data.communes), ...unrankedRows(data.communes)].map((row) => ({
    row,
    isTotal: false,
  }));
  return {
    title: unitTableWords.communeTitle(levelOf(data.levels, COMMUNE_LEVEL), data.communes.length),
    // The parent column only when the communes have parents other than the scope (a province's districts).
    columns: columns(data, unitTableWords.unit, data.groupLevel?.name ?? null),
    rows: [...lines, totalsLine(data, unitTableWords.total)],
    isBold: (line) => line.isTotal,
  };
}

/** The scope's child units compared (a province's districts or clusters), with the scope's totals. */
export function groupTableSpec(data: DailyReportData): PdfTableSpec<UnitTableLine> | null {
  if (data.groupLevel === null || data.groups.length === 0) return null;
  const lines = [...rankedRows(data.groups), ...unrankedRows(data.groups)].map((row) => ({
    row,
    isTotal: false,
  }));
  return {
    title: unitTableWords.groupTitle(data.groupLevel, data.groups.length),
    columns: columns(data, unitTableWords.unit, null),
    rows: [...lines, totalsLine(data, unitTableWords.provinceTotal)],
    isBold: (line) => line.isTotal,
  };
}

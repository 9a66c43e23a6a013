import type { DailyReportData, UnitProgressRow } from './daily-report-data.js';
import type { PdfTableColumn, PdfTableSpec } from './pdf-table.js';
import { PACE_COLORS } from './report-palette.js';
import { TIMING_LABELS, rankedRows, shortDistrictName, unrankedRows } from './unit-labels.js';
import {
  formatNumber,
  formatPercent,
  formatSignedNumber,
  formatTimeDayMonth,
} from '../messages/vi-format.js';

/** A table line: a unit, or the scope's totals drawn in bold at the end. */
export interface UnitTableLine {
  row: UnitProgressRow;
  isTotal: boolean;
}

function totalsLine(data: DailyReportData, name: string): UnitTableLine {
  const { totals } = data;
  return {
    isTotal: true,
    row: {
      unitCode: '',
      unitName: name,
      parentName: null,
      level: data.scopeLevel,
      targetBooks: totals.targetBooks,
      targetCases: totals.targetCases,
      books: totals.books,
      scanned: totals.scanned,
      entered: totals.entered,
      attached: totals.attached,
      attachedChange: totals.attachedChange,
      completion: totals.targetCases > 0 ? totals.completion : null,
      rank: null,
      pace: 'on_track',
      timing: 'on_time',
      lastReportAt: null,
    },
  };
}

function columns(
  data: DailyReportData,
  unitHeader: string,
  withParent: boolean,
): PdfTableColumn<UnitTableLine>[] {
  const all: (PdfTableColumn<UnitTableLine> | null)[] = [
    { header: unitHeader, align: 'left', flexible: true, cell: ({ row }) => row.unitName },
    withParent
      ? {
          header: 'Huyện',
          align: 'left',
          flexible: true,
          cell: ({ row }) => (row.parentName ? shortDistrictName(row.parentName) : ''),
        }
      : null,
    { header: 'Sổ\nđã thu', align: 'right', cell: ({ row }) => formatNumber(row.books) },
    { header: 'Đã\nquét', align: 'right', cell: ({ row }) => formatNumber(row.scanned) },
    { header: 'Đã\nnhập', align: 'right', cell: ({ row }) => formatNumber(row.entered) },
    { header: 'Đính kèm\n& rà soát', align: 'right', cell: ({ row }) => formatNumber(row.attached) },
    {
      header: '% chỉ\ntiêu',
      align: 'right',
      cell: ({ row }) => (row.completion === null ? '–' : formatPercent(row.completion)),
      marker: ({ row, isTotal }) => (isTotal || row.completion === null ? null : PACE_COLORS[row.pace]),
    },
    { header: 'Hạng', align: 'center', cell: ({ row }) => (row.rank === null ? '–' : String(row.rank)) },
    { header: 'Tăng\nhôm nay', align: 'right', cell: ({ row }) => formatSignedNumber(row.attachedChange) },
    {
      header: 'Báo cáo\nlúc',
      align: 'center',
      cell: ({ row }) => (row.lastReportAt ? formatTimeDayMonth(row.lastReportAt, data.timeZone) : '–'),
    },
    {
      header: 'Báo cáo\nhôm nay',
      align: 'left',
      cell: ({ row, isTotal }) => (isTotal ? '' : TIMING_LABELS[row.timing]),
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
    title: `Chi tiết theo xã, phường, thị trấn (${data.communes.length} đơn vị)`,
    columns: columns(data, 'Đơn vị', data.scopeLevel === 'province'),
    rows: [...lines, totalsLine(data, 'Tổng cộng')],
    isBold: (line) => line.isTotal,
  };
}

/** Province scope: the districts compared, with the province totals. */
export function districtTableSpec(data: DailyReportData): PdfTableSpec<UnitTableLine> {
  const lines = [...rankedRows(data.districts), ...unrankedRows(data.districts)].map((row) => ({
    row,
    isTotal: false,
  }));
  return {
    title: `Tổng hợp theo huyện, thị xã, thành phố (${data.districts.length} đơn vị)`,
    columns: columns(data, 'Đơn vị', false),
    rows: [...lines, totalsLine(data, 'Toàn tỉnh')],
    isBold: (line) => line.isTotal,
  };
}

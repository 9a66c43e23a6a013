import ExcelJS from 'exceljs';
import type { ExportColumn, ExportValue } from './export-columns.js';
import { EXPORT_COLUMNS } from './export-columns.js';
import type { ExportSheet } from './export-sheet.js';
import { nfc } from '../messages/vi-format.js';

const NUMBER_FORMATS: Record<ExportValue['kind'], string | undefined> = {
  text: '@',
  integer: '#,##0',
  decimal: '0.0',
  date: 'dd/mm/yyyy',
  'local-datetime': 'hh:mm dd/mm/yyyy',
};

/**
 * A date-time as Excel should show it. Excel has no time zones: it shows the serial number as is,
 * and exceljs writes Dates as UTC, so the campaign's wall-clock fields are passed as UTC fields.
 */
function wallClockDate(date: string, time = '00:00'): Date {
  return new Date(`${date}T${time}:00Z`);
}

function cellValue(value: ExportValue): ExcelJS.CellValue {
  switch (value.kind) {
    case 'text':
      return nfc(value.value);
    case 'integer':
    case 'decimal':
      return value.value;
    case 'date':
      return wallClockDate(value.value);
    case 'local-datetime':
      return value.value ? wallClockDate(value.value.date, value.value.time) : null;
  }
}

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
function safeSheetName(name: string, taken: Set<string>): string {
  const base =
    nfc(name)
      .replace(/[[\]:*?/\\]/g, ' ')
      .slice(0, 31)
      .trim() || 'Sheet';
  let candidate = base;
  for (let suffix = 2; taken.has(candidate.toLowerCase()); suffix += 1)
    candidate = `${base.slice(0, 27)} (${suffix})`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** The export as an .xlsx workbook: one sheet per level, bold frozen header, plain values, no formulas. */
export async function renderExportXlsx(
  sheets: readonly ExportSheet[],
  columns: readonly ExportColumn[] = EXPORT_COLUMNS,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'sohoa';
  const first = sheets[0];
  // The report date, not the wall clock: the same data gives the same file.
  if (first) workbook.created = workbook.modified = wallClockDate(first.date);
  const taken = new Set<string>();
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(safeSheetName(sheet.name, taken), {
      views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
    });
    worksheet.columns = columns.map((column) => ({ header: nfc(column.header), width: column.width }));
    for (const row of sheet.rows) {
      const values = columns.map((column) => column.value(row, sheet));
      const added = worksheet.addRow(values.map(cellValue));
      values.forEach((value, index) => {
        const format = NUMBER_FORMATS[value.kind];
        if (format) added.getCell(index + 1).numFmt = format;
      });
    }
    const header = worksheet.getRow(1);
    header.font = { bold: true };
    header.alignment = { vertical: 'middle', wrapText: true };
    worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

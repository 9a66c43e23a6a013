import type { ExportColumn, ExportValue } from './export-columns.js';
import { EXPORT_COLUMNS } from './export-columns.js';
import type { ExportSheet } from './export-sheet.js';
import { nfc } from '../messages/vi-format.js';
import { EXPORT_HEADERS } from '../messages/report-document-messages.js';

const BOM = '\uFEFF';

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/**
 * A text cell that Excel would run as a formula (=, +, -, @ first) gets a leading apostrophe.
 * Unit names come from an operator's file, but a CSV is opened by people who did not write it.
 */
function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvField(value: ExportValue): string {
  switch (value.kind) {
    case 'text':
      return quote(neutraliseFormula(nfc(value.value)));
    case 'integer':
      return value.value === null ? '' : String(Math.round(value.value));
    case 'decimal':
      return value.value === null ? '' : value.value.toFixed(1);
    case 'date':
      return value.value;
    case 'local-datetime':
      return value.value ? `${value.value.date} ${value.value.time}` : '';
  }
}

/**
 * All sheets as one CSV table with a leading 'Cấp' (level) column: UTF-8 with a BOM so Excel shows
 * Vietnamese, commas, CRLF line ends (RFC 4180), '.' decimals and ISO dates so any locale parses them.
 */
export function renderExportCsv(
  sheets: readonly ExportSheet[],
  columns: readonly ExportColumn[] = EXPORT_COLUMNS,
): string {
  const lines = [
    [EXPORT_HEADERS.level, ...columns.map((column) => column.header)]
      .map((header) => quote(nfc(header)))
      .join(','),
  ];
  for (const sheet of sheets) {
    for (const row of sheet.rows) {
      lines.push(
        [quote(nfc(sheet.name)), ...columns.map((column) => csvField(column.value(row, sheet)))].join(','),
      );
    }
  }
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

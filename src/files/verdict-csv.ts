import type { PathVerdict } from '../domain/file-verdict.js';
import { csvHeaders, statusLabel } from '../messages/file-problem-messages.js';

/**
 * Verdicts as CSV for a spreadsheet (one row per file: path, status, problem codes, first message).
 * Starts with a UTF-8 BOM so Excel shows Vietnamese correctly, uses CRLF, and defuses cells that a
 * spreadsheet would run as a formula (a file can be named "=HYPERLINK(…)").
 */
export function verdictsToCsv(rows: readonly PathVerdict[]): string {
  const lines = [csvHeaders.map(csvCell).join(',')];
  for (const { path, verdict } of rows) {
    const codes = verdict.problems.map((problem) => problem.code).join(' ');
    lines.push(
      [path, statusLabel[verdict.status], codes, verdict.problems[0]?.message ?? ''].map(csvCell).join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

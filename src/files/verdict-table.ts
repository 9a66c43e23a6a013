import type { PathVerdict, VerdictStatus } from '../domain/file-verdict.js';
import { checkCommandText, statusLabel } from '../messages/file-problem-messages.js';

/** How many verdicts ended in each status. */
export interface VerdictSummary {
  readonly total: number;
  readonly accepted: number;
  readonly warnings: number;
  readonly rejected: number;
}

/** Counts verdicts by status. */
export function summarizeVerdicts(rows: readonly PathVerdict[]): VerdictSummary {
  const count = (status: VerdictStatus) => rows.filter((row) => row.verdict.status === status).length;
  return {
    total: rows.length,
    accepted: count('accepted'),
    warnings: count('warnings'),
    rejected: count('rejected'),
  };
}

// Paths longer than this are shortened from the left: the end (the file name) is the part people read.
const MAX_PATH_WIDTH = 48;

/**
 * A plain-text table with one line per problem (files without problems are left out) followed by the
 * summary line. Columns: file, status, code, message; the message is last because it is long.
 */
export function formatVerdictTable(rows: readonly PathVerdict[]): string {
  const withProblems = rows.filter((row) => row.verdict.problems.length > 0);
  const summary = summarizeVerdicts(rows);
  const summaryLine = checkCommandText.summary(
    summary.total,
    summary.accepted,
    summary.warnings,
    summary.rejected,
  );
  if (withProblems.length === 0)
    return `${rows.length > 0 ? `${checkCommandText.allGood}\n` : ''}${summaryLine}\n`;
  const [fileHeader, statusHeader, codeHeader, messageHeader] = checkCommandText.headers;
  const lines: string[][] = [];
  for (const { path, verdict } of withProblems) {
    verdict.problems.forEach((problem, index) => {
      lines.push([
        index === 0 ? shorten(path) : '',
        index === 0 ? statusLabel[verdict.status] : '',
        problem.code,
        problem.message,
      ]);
    });
  }
  const widths = [0, 1, 2].map((column) =>
    Math.max(
      [fileHeader, statusHeader, codeHeader][column]?.length ?? 0,
      ...lines.map((line) => line[column]?.length ?? 0),
    ),
  );
  const render = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column < 3 ? cell.padEnd(widths[column] ?? 0) : cell))
      .join('  ')
      .trimEnd();
  const table = [render([fileHeader, statusHeader, codeHeader, messageHeader]), ...lines.map(render)];
  return `${table.join('\n')}\n\n${summaryLine}\n`;
}

function shorten(path: string): string {
  return path.length <= MAX_PATH_WIDTH ? path : `…${path.slice(path.length - MAX_PATH_WIDTH + 1)}`;
}

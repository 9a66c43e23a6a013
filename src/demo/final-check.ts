import type { ExportSheet } from '../reports/export-sheet.js';
import type { CommuneActor } from './commune-actor.js';

/**
 * Compares what the database holds at the end (the last day's export) with what each commune last saw
 * the bot confirm; returns one line per commune that differs.
 */
export function compareFinalFigures(
  sheets: readonly ExportSheet[],
  communes: readonly CommuneActor[],
): string[] {
  const rows = new Map((sheets.find((s) => s.level === 'commune')?.rows ?? []).map((r) => [r.unitCode, r]));
  const problems: string[] = [];
  for (const commune of communes) {
    const row = rows.get(commune.role.code);
    const expected = commune.lastConfirmed?.figures ?? { books: 0, scanned: 0, entered: 0, attached: 0 };
    const actual = row && {
      books: row.books,
      scanned: row.scanned,
      entered: row.entered,
      attached: row.attached,
    };
    if (JSON.stringify(actual) !== JSON.stringify(expected))
      problems.push(
        `${commune.role.name} (${commune.role.code}): cơ sở dữ liệu ${JSON.stringify(actual)}, xã ${JSON.stringify(expected)}`,
      );
  }
  return problems;
}

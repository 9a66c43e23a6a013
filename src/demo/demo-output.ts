import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Campaign } from '../domain/campaign.js';
import type { Db } from '../db/database.js';
import { renderExportXlsx } from '../reports/export-xlsx.js';
import { buildExportSheets } from '../services/export.service.js';

/** The file that marks a folder as the demo's own output (safe to empty on the next run). */
export const SUMMARY_FILE = 'summary.txt';

/** A folder the demo may not write into, with the reason. */
export class DemoOutputError extends Error {
  override readonly name = 'DemoOutputError';
}

/**
 * Empties the output folder before a run — only when it is empty or a previous demo's output (it has
 * summary.txt), so that `--out .` cannot wipe a project.
 */
export async function prepareOutDir(outDir: string): Promise<void> {
  const existing = await readdir(outDir).catch(() => undefined);
  if (existing && existing.length > 0) {
    if (!existing.includes(SUMMARY_FILE))
      throw new DemoOutputError(
        `Thư mục ${outDir} đã có tệp khác và không phải kết quả demo trước: hãy chọn thư mục khác bằng --out.`,
      );
    await rm(outDir, { recursive: true, force: true });
  }
  await mkdir(outDir, { recursive: true });
}

/** Writes the Excel export of a date (what `sohoa export --format xlsx` gives); returns its name. */
export async function writeExport(db: Db, campaign: Campaign, outDir: string, date: string, now: Date) {
  const name = `bang-so-lieu-${date}.xlsx`;
  const sheets = await buildExportSheets(db, campaign, date, now);
  await writeFile(join(outDir, name), await renderExportXlsx(sheets));
  return { name, sheets };
}

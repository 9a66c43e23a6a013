import { fileSlug } from '../domain/file-slug.js';
import type { Campaign } from '../domain/campaign.js';
import type { Db } from '../db/database.js';
import { findUnitById } from '../db/unit.repository.js';
import { renderExportXlsx } from '../reports/export-xlsx.js';
import { buildScopeExportSheets } from './export.service.js';

/**
 * The Excel export of one scope for a day (the same columns as `sohoa export`), rendered: seconds of CPU
 * for a province, so callers do it outside any transaction.
 */
export async function renderScopeExcel(
  db: Db,
  campaign: Campaign,
  scopeUnitId: number,
  date: string,
  now: Date,
): Promise<{ date: string; fileName: string; bytes: Buffer }> {
  const sheets = await buildScopeExportSheets(db, campaign, scopeUnitId, date, now);
  const scope = await findUnitById(db, scopeUnitId);
  const bytes = await renderExportXlsx(sheets);
  return { date, fileName: `so-lieu-${date}-${fileSlug(scope?.name ?? String(scopeUnitId))}.xlsx`, bytes };
}

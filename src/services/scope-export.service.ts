import type { Campaign } from '../domain/campaign.js';
import type { Db } from '../db/database.js';
import { findUnitById } from '../db/unit.repository.js';
import { renderExportXlsx } from '../reports/export-xlsx.js';
import { buildScopeExportSheets } from './export.service.js';

/** A file-name-safe form of a unit's name: "Huyện Triệu Phong" → "huyen-trieu-phong". */
function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
}

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
  return { date, fileName: `so-lieu-${date}-${slug(scope?.name ?? String(scopeUnitId))}.xlsx`, bytes };
}

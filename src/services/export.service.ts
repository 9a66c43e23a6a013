import type { Campaign } from '../domain/campaign.js';
import { NotFoundError } from '../domain/errors.js';
import type { Db } from '../db/database.js';
import { findUnitByCode } from '../db/unit.repository.js';
import { groupExportSheets, type ExportSheet } from '../reports/export-sheet.js';
import { buildDailyReportData } from './daily-report.service.js';

/** The export table for a date: the province row (the report's scope total), its middle-level units if any, and every commune. */
export async function buildExportSheets(
  db: Db,
  campaign: Campaign,
  date: string,
  now: Date,
): Promise<ExportSheet[]> {
  const { settings } = campaign;
  const province = await findUnitByCode(db, campaign.id, settings.province.code);
  if (!province)
    throw new NotFoundError('Chưa nạp đơn vị cấp tỉnh của chiến dịch.', 'unit', settings.province.code);
  return buildScopeExportSheets(db, campaign, province.id, date, now);
}

/** The export table of one scope (a province, a district, a cluster): its total row, its child units, its communes. */
export async function buildScopeExportSheets(
  db: Db,
  campaign: Campaign,
  scopeUnitId: number,
  date: string,
  now: Date,
): Promise<ExportSheet[]> {
  const data = await buildDailyReportData(db, campaign, scopeUnitId, date, now);
  return groupExportSheets(
    [data.scopeTotal, ...data.groups, ...data.communes],
    date,
    campaign.settings.timeZone,
    data.levels,
  );
}

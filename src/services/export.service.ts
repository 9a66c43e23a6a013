import { completionDeadline, type Campaign } from '../domain/campaign.js';
import { NotFoundError } from '../domain/errors.js';
import { expectedShare, paceOf } from '../domain/progress.js';
import type { Db } from '../db/database.js';
import { findUnitByCode } from '../db/unit.repository.js';
import type { UnitProgressRow } from '../reports/daily-report-data.js';
import { groupExportSheets, type ExportSheet } from '../reports/export-sheet.js';
import { buildDailyReportData } from './daily-report.service.js';

/** The export table for a date: the province row, its districts, and every commune. */
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
  const data = await buildDailyReportData(db, campaign, province.id, date, now);
  const { totals } = data;
  const lastTimes = data.communes.map((c) => c.lastReportAt?.getTime() ?? 0);
  const provinceRow: UnitProgressRow = {
    unitCode: province.code,
    unitName: province.name,
    parentName: null,
    level: 'province',
    targetBooks: totals.targetBooks,
    targetCases: totals.targetCases,
    books: totals.books,
    scanned: totals.scanned,
    entered: totals.entered,
    attached: totals.attached,
    attachedChange: totals.attachedChange,
    completion: totals.targetCases > 0 ? totals.completion : null,
    rank: null,
    // The province's own pace: the same rule as a commune's, applied to the sum.
    pace: paceOf(
      totals.targetCases > 0 ? totals.completion : null,
      data.missing === data.unitCount ? 'missing' : 'on_time',
      expectedShare(date, settings.startDate, completionDeadline(settings)),
      settings.pace,
    ),
    timing: data.missing === data.unitCount ? 'missing' : data.reportedLate > 0 ? 'late' : 'on_time',
    lastReportAt: Math.max(0, ...lastTimes) > 0 ? new Date(Math.max(...lastTimes)) : null,
  };
  return groupExportSheets([provinceRow, ...data.districts, ...data.communes], date, settings.timeZone);
}

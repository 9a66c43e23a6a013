import { fileSlug } from '../domain/file-slug.js';
import type { Campaign } from '../domain/campaign.js';
import type { Db } from '../db/database.js';
import type { DailyReportData } from '../domain/daily-report-data.js';
import { renderDailyReportPdf } from '../reports/daily-report-pdf.js';
import { renderDistrictChart } from '../reports/district-chart.js';
import { renderProgressChart } from '../reports/progress-chart.js';
import { renderRankingCharts } from '../reports/ranking-chart.js';
import { buildDailyReportData } from './daily-report.service.js';

/** A scope's evening report, rendered: charts, texts and the PDF. */
export interface DailyPackage {
  readonly data: DailyReportData;
  readonly ranking: Buffer[];
  readonly district: Buffer | null;
  readonly progress: Buffer;
  readonly pdf: Buffer;
  readonly pdfName: string;
}

/** Builds and renders a scope's report for a date. Reads the database once; the rest is CPU. */
export async function renderDailyPackage(
  db: Db,
  campaign: Campaign,
  scopeUnitId: number,
  date: string,
  now: Date,
): Promise<DailyPackage> {
  const data = await buildDailyReportData(db, campaign, scopeUnitId, date, now);
  const ranking = await renderRankingCharts(data);
  const district = await renderDistrictChart(data);
  const progress = await renderProgressChart(data);
  const pdf = Buffer.from(await renderDailyReportPdf(data, { ranking, district, progress }));
  const scope = fileSlug(data.scopeName);
  return { data, ranking, district, progress, pdf, pdfName: `bao-cao-ngay-${date}-${scope}.pdf` };
}

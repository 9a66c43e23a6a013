import { fileSlug } from '../domain/file-slug.js';
import type { Campaign } from '../domain/campaign.js';
import type { Db } from '../db/database.js';
import type { DailyReportData } from '../domain/daily-report-data.js';
import { renderDailyReportPdf } from '../reports/daily-report-pdf.js';
import { renderGroupChart } from '../reports/group-chart.js';
import { renderProgressChart } from '../reports/progress-chart.js';
import { renderRankingCharts } from '../reports/ranking-chart.js';
import { buildDailyReportData } from './daily-report.service.js';

/** A scope's evening report, rendered: charts, texts and the PDF. */
export interface DailyPackage {
  readonly data: DailyReportData;
  readonly ranking: Buffer[];
  /** The child units compared (districts, clusters); null on the two-level map. */
  readonly group: Buffer | null;
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
  const group = await renderGroupChart(data);
  const progress = await renderProgressChart(data);
  const pdf = Buffer.from(await renderDailyReportPdf(data, { ranking, group, progress }));
  const scope = fileSlug(data.scopeName);
  return { data, ranking, group, progress, pdf, pdfName: `bao-cao-ngay-${date}-${scope}.pdf` };
}

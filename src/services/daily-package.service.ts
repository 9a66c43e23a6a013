import type { Campaign } from '../domain/campaign.js';
import type { Db } from '../db/database.js';
import type { NewOutboxMessage } from '../db/outbox.repository.js';
import type { DailyReportData } from '../reports/daily-report-data.js';
import { renderDailyReportPdf } from '../reports/daily-report-pdf.js';
import { formatDailyCaption, formatDailySummary } from '../reports/daily-summary.js';
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
  const scope = data.scopeName
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return { data, ranking, district, progress, pdf, pdfName: `bao-cao-ngay-${date}-${scope}.pdf` };
}

/**
 * The outbox messages that deliver a package to one chat, in reading order: the ranking images (the
 * first with a short caption), the district comparison, the progress chart, the summary text, the PDF.
 * Keys extend `keyPrefix`, so the same cause never sends twice.
 */
export function dailyPackageMessages(
  pkg: DailyPackage,
  target: { platform: string; chatId: string },
  keyPrefix: string,
  parts: { charts: boolean; summary: boolean; pdf: boolean } = { charts: true, summary: true, pdf: true },
): NewOutboxMessage[] {
  const base = { platform: target.platform, chatId: target.chatId };
  const messages: NewOutboxMessage[] = [];
  if (parts.charts) {
    const photos = [...pkg.ranking, ...(pkg.district ? [pkg.district] : []), pkg.progress];
    photos.forEach((png, i) =>
      messages.push({
        ...base,
        dedupeKey: `${keyPrefix}:photo:${i + 1}`,
        kind: 'photo',
        // Named by date so that a group's saved files from different evenings never collide.
        payload: {
          fileName: `bieu-do-${pkg.data.date}-${i + 1}.png`,
          caption: i === 0 ? formatDailyCaption(pkg.data) : undefined,
        },
        attachment: png,
      }),
    );
  }
  if (parts.summary) {
    messages.push({
      ...base,
      dedupeKey: `${keyPrefix}:summary`,
      kind: 'text',
      payload: { text: formatDailySummary(pkg.data) },
    });
  }
  if (parts.pdf) {
    messages.push({
      ...base,
      dedupeKey: `${keyPrefix}:pdf`,
      kind: 'document',
      payload: { fileName: pkg.pdfName },
      attachment: pkg.pdf,
    });
  }
  return messages;
}

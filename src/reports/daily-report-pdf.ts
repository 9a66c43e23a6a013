import type { PDFDocument } from 'pdf-lib';
import type { DailyReportData } from '../domain/daily-report-data.js';
import { drawChartImage, embedChartPng } from './pdf-chart-image.js';
import { drawCoverPage } from './pdf-cover.js';
import {
  CONTENT_BOTTOM,
  CONTENT_TOP,
  CONTENT_WIDTH,
  PAGE,
  addReportPage,
  createReportDocument,
  drawPageFooters,
  saveReportDocument,
} from './pdf-layout.js';
import { PageContent } from './pdf-page-content.js';
import { drawTable, type PdfCursor } from './pdf-table.js';
import { communeTableSpec, groupTableSpec } from './pdf-unit-table.js';
import { nfc } from '../messages/vi-format.js';
import { coverWords } from '../messages/report-document-messages.js';

/** The chart images a report PDF shows, as rendered for the chat. */
export interface DailyReportCharts {
  ranking: Buffer[];
  /** The child units' comparison (districts, clusters), when the scope has a middle level under it. */
  group: Buffer | null;
  progress: Buffer;
}

/**
 * Places images one under another, each scaled to the content width — or smaller when that would be
 * taller than a page (the phone-shaped ranking images) — starting a new page when one does not fit.
 */
async function drawCharts(doc: PDFDocument, images: readonly Buffer[]): Promise<void> {
  const usableHeight = CONTENT_TOP - CONTENT_BOTTOM;
  let cursor: PdfCursor | null = null;
  let content: PageContent | null = null;
  for (const bytes of images) {
    const image = await embedChartPng(doc, bytes);
    const scale = Math.min(CONTENT_WIDTH / image.width, usableHeight / image.height);
    const width = image.width * scale;
    const height = image.height * scale;
    if (!cursor || cursor.y - height < CONTENT_BOTTOM) {
      content?.finish(doc);
      cursor = { page: addReportPage(doc), y: CONTENT_TOP };
      content = new PageContent(cursor.page);
    }
    drawChartImage(
      cursor.page,
      image,
      { x: PAGE.margin + (CONTENT_WIDTH - width) / 2, y: cursor.y - height, width, height },
      content ?? undefined,
    );
    cursor = { page: cursor.page, y: cursor.y - height - 16 };
  }
  content?.finish(doc);
}

/** The evening report as an A4 PDF: cover, charts, and a table of every unit in scope. */
export async function renderDailyReportPdf(
  data: DailyReportData,
  charts: DailyReportCharts,
): Promise<Uint8Array> {
  const { doc, fonts } = await createReportDocument();
  const title = nfc(coverWords.documentTitle(data));
  doc.setTitle(title);
  doc.setSubject(nfc(data.campaignName));
  doc.setLanguage('vi-VN');
  doc.setCreator('sohoa');
  doc.setProducer('sohoa (pdf-lib)');
  // The data time, not the wall clock: the same data renders the same document.
  doc.setCreationDate(data.dataAsOf);
  doc.setModificationDate(data.dataAsOf);

  drawCoverPage(doc, fonts, data);
  await drawCharts(doc, [charts.progress, ...(charts.group ? [charts.group] : []), ...charts.ranking]);
  // Tables start on a fresh page: a table squeezed under a chart would split its header from its rows.
  let cursor: PdfCursor | null = null;
  const groupTable = groupTableSpec(data);
  if (groupTable) cursor = drawTable(doc, fonts, groupTable, null);
  if (data.communes.length > 0) drawTable(doc, fonts, communeTableSpec(data), cursor);
  drawPageFooters(doc, fonts, title);
  return saveReportDocument(doc);
}

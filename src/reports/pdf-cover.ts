import type { PDFDocument, PDFPage } from 'pdf-lib';
import type { DailyReportData } from '../domain/daily-report-data.js';
import { drawCompletionBar, drawKeyFigures, drawLeaders } from './pdf-cover-blocks.js';
import {
  CONTENT_TOP,
  CONTENT_WIDTH,
  PAGE,
  addReportPage,
  drawText,
  wrapPdfText,
  type PdfFonts,
} from './pdf-layout.js';
import { drawTable, type PdfCursor } from './pdf-table.js';
import { campaignDay } from '../domain/report-rows.js';
import { dataTimeLabel } from '../messages/unit-label-messages.js';
import { INK } from './report-palette.js';
import { formatDate } from '../messages/vi-format.js';
import { coverWords } from '../messages/report-document-messages.js';

function drawCenteredLine(
  page: PDFPage,
  text: string,
  y: number,
  size: number,
  fonts: PdfFonts,
  bold = false,
  color: string = INK.text,
): void {
  drawText(page, text, {
    x: PAGE.width / 2,
    y,
    size,
    font: bold ? fonts.bold : fonts.regular,
    color,
    align: 'center',
    maxWidth: CONTENT_WIDTH,
  });
}

/** Draws the cover: title, key figures, deadlines and who has not reported; returns the cursor. */
export function drawCoverPage(doc: PDFDocument, fonts: PdfFonts, data: DailyReportData): PdfCursor {
  const page = addReportPage(doc);
  let y = CONTENT_TOP - 10;
  drawCenteredLine(page, data.campaignName, y, 10, fonts, false, INK.muted);
  y -= 30;
  drawCenteredLine(page, coverWords.title, y, 18, fonts, true);
  y -= 24;
  drawCenteredLine(page, data.scopeName, y, 14, fonts, true);
  y -= 20;
  const day = campaignDay(data);
  drawCenteredLine(page, coverWords.dateLine(data, day), y, 10, fonts);
  y -= 14;
  drawCenteredLine(page, dataTimeLabel(data).replace(/^d/, 'D'), y, 9, fonts, false, INK.muted);
  y = drawCompletionBar(page, data, y - 18, fonts);
  y = drawKeyFigures(page, data, y - 6, fonts);
  y = drawLeaders(page, data, y - 8, fonts);

  let cursor = drawTable(
    doc,
    fonts,
    {
      title: coverWords.milestonesTitle,
      rows: data.milestones,
      columns: [
        { header: coverWords.milestoneStep, align: 'left', cell: (m) => m.title, flexible: true },
        { header: coverWords.milestoneDeadline, align: 'center', cell: (m) => formatDate(m.deadline) },
        { header: coverWords.milestoneState, align: 'left', cell: coverWords.milestoneStatus },
        {
          header: coverWords.milestoneRemaining,
          align: 'right',
          cell: (m) => coverWords.milestoneAmount(m, m.remaining),
        },
        {
          header: coverWords.milestonePerDay,
          align: 'right',
          cell: (m) =>
            m.neededPerDay === null || m.remaining <= 0 ? '–' : coverWords.milestoneAmount(m, m.neededPerDay),
        },
      ],
    },
    { page, y: y - 8 },
  );
  // Say once which days "còn N ngày" counts, so the per-day figure can be checked by hand.
  drawText(cursor.page, coverWords.daysLeftNote(data.afterCutoff), {
    x: PAGE.margin,
    y: cursor.y - 4,
    size: 8,
    font: fonts.regular,
    color: INK.muted,
    maxWidth: CONTENT_WIDTH,
  });
  cursor = { page: cursor.page, y: cursor.y - 16 };

  if (data.missing > 0) {
    const lines = wrapPdfText(coverWords.missing(data), fonts.regular, 9, CONTENT_WIDTH);
    // The cover never spills onto a second page: the full list is also in the detail table.
    const room = Math.max(1, Math.floor((cursor.y - 4 - (PAGE.margin + 40)) / 13) + 1);
    const shown = lines.length > room ? [...lines.slice(0, room - 1), coverWords.missingMore] : lines;
    let lineY = cursor.y - 4;
    for (const line of shown) {
      drawText(cursor.page, line, {
        x: PAGE.margin,
        y: lineY,
        size: 9,
        font: fonts.regular,
        maxWidth: CONTENT_WIDTH,
      });
      lineY -= 13;
    }
    cursor = { page: cursor.page, y: lineY - 6 };
  }
  return cursor;
}

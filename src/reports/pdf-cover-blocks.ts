import type { PDFPage } from 'pdf-lib';
import type { DailyReportData } from '../domain/daily-report-data.js';
import { CONTENT_WIDTH, PAGE, drawText, type PdfFonts } from './pdf-layout.js';
import { pendingContent } from './pdf-page-content.js';
import { INK, PACE_COLORS, SERIES_COLORS } from './report-palette.js';
import { rankedRows } from '../domain/report-rows.js';
import { shortDistrictName } from '../messages/unit-label-messages.js';
import { formatNumber, formatPercent, formatSignedNumber } from '../messages/vi-format.js';
import { coverWords } from '../messages/report-document-messages.js';

// The blocks of the cover page; each draws from a top y down and returns the y under it.

interface KeyFigure {
  label: string;
  value: string;
  note: string;
}

function keyFigures(data: DailyReportData): KeyFigure[] {
  const { totals } = data;
  // Same order as coverWords.keyFigures: the words come from there, the figures from here.
  const values = [
    formatPercent(totals.completion),
    formatSignedNumber(totals.attachedChange),
    `${data.reportedOnTime}/${data.unitCount}`,
    formatNumber(totals.scanned),
    formatNumber(totals.entered),
    `${formatNumber(totals.books)}/${formatNumber(totals.targetBooks)}`,
  ];
  return coverWords.keyFigures(data).map((words, i) => ({ ...words, value: values[i] ?? '' }));
}

/** The overall bar: attached against target, with a tick where the plan stands today. */
export function drawCompletionBar(
  page: PDFPage,
  data: DailyReportData,
  top: number,
  fonts: PdfFonts,
): number {
  const { totals } = data;
  // The scope's plan is its communes' planned work (each judged against its own day), as its pace is.
  const planShare = data.scopeTotal.plan ?? 0;
  const height = 16;
  const y = top - 18 - height;
  drawText(page, coverWords.overall(totals.completion, planShare), {
    x: PAGE.margin,
    y: top - 12,
    size: 10,
    font: fonts.bold,
  });
  const content = pendingContent(page);
  content.rect(PAGE.margin, y, CONTENT_WIDTH, height, '#e6e6e6');
  // Neutral green, not a pace colour: judging pace is the services' rule, not the renderer's.
  content.rect(
    PAGE.margin,
    y,
    CONTENT_WIDTH * Math.min(1, totals.completion),
    height,
    SERIES_COLORS.attached,
  );
  const planX = PAGE.margin + CONTENT_WIDTH * Math.min(1, planShare);
  content.line(planX, y - 4, planX, y + height + 4, 2, INK.text);
  return y - 14;
}

/** The six key figures as cards, three per row; returns the y under them. */
export function drawKeyFigures(page: PDFPage, data: DailyReportData, top: number, fonts: PdfFonts): number {
  const columns = 3;
  const gap = 10;
  const width = (CONTENT_WIDTH - gap * (columns - 1)) / columns;
  const height = 66;
  keyFigures(data).forEach((figure, index) => {
    const x = PAGE.margin + (index % columns) * (width + gap);
    const y = top - Math.floor(index / columns) * (height + gap) - height;
    pendingContent(page).box(x, y, width, height, '#f4f6f8', '#d5dbe1', 0.8);
    drawText(page, figure.label, {
      x: x + 10,
      y: y + height - 16,
      size: 9,
      font: fonts.regular,
      color: INK.muted,
      maxWidth: width - 20,
    });
    drawText(page, figure.value, {
      x: x + 10,
      y: y + height - 40,
      size: 18,
      font: fonts.bold,
      maxWidth: width - 20,
    });
    drawText(page, figure.note, {
      x: x + 10,
      y: y + 10,
      size: 8,
      font: fonts.regular,
      color: INK.muted,
      maxWidth: width - 20,
    });
  });
  const rows = Math.ceil(keyFigures(data).length / columns);
  return top - rows * (height + gap) - 6;
}

/** Two short lists side by side: the five best and the five furthest behind. */
export function drawLeaders(page: PDFPage, data: DailyReportData, top: number, fonts: PdfFonts): number {
  const ranked = rankedRows(data.communes);
  if (ranked.length === 0) return top;
  const halfWidth = (CONTENT_WIDTH - 20) / 2;
  const lists = [
    { title: coverWords.leaders(Math.min(5, ranked.length)), rows: ranked.slice(0, 5) },
    {
      title: coverWords.laggards,
      rows: ranked.length > 5 ? ranked.slice(Math.max(5, ranked.length - 5)) : [],
    },
  ];
  let bottom = top;
  lists.forEach((list, index) => {
    if (list.rows.length === 0) return;
    const x = PAGE.margin + index * (halfWidth + 20);
    drawText(page, list.title, { x, y: top - 12, size: 12, font: fonts.bold });
    list.rows.forEach((row, line) => {
      const y = top - 32 - line * 15;
      const name =
        data.scopeLevel === 'province' && row.parentName
          ? `${row.unitName} (${shortDistrictName(row.parentName)})`
          : row.unitName;
      const value = formatPercent(row.completion ?? 0);
      const valueWidth = drawText(page, value, {
        x: x + halfWidth,
        y,
        size: 9,
        font: fonts.bold,
        align: 'right',
      });
      pendingContent(page).rect(x, y, 6, 6, PACE_COLORS[row.pace]);
      drawText(page, `${row.rank}. ${name}`, {
        x: x + 10,
        y,
        size: 9,
        font: fonts.regular,
        maxWidth: halfWidth - valueWidth - 16,
      });
      bottom = Math.min(bottom, y - 12);
    });
  });
  return bottom;
}

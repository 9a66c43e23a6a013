import type { PDFDocument, PDFFont, PDFPage } from 'pdf-lib';
import {
  CONTENT_BOTTOM,
  CONTENT_TOP,
  CONTENT_WIDTH,
  PAGE,
  addReportPage,
  fitToWidth,
  textWidth,
  type PdfFonts,
} from './pdf-layout.js';
import { PageContent } from './pdf-page-content.js';
import { nfc } from '../messages/vi-format.js';
import { unitTableWords } from '../messages/report-document-messages.js';

/** One column of a paginated PDF table. */
export interface PdfTableColumn<Row> {
  /** Header text; '\n' splits it over two lines. */
  header: string;
  align: 'left' | 'right' | 'center';
  cell: (row: Row) => string;
  /** Names: these columns give up width (and get '…') when the table is too wide. */
  flexible?: boolean;
  /** A colour square drawn before the cell text, e.g. the pace colour. */
  marker?: (row: Row) => string | null;
}

/** A table to draw: a title, its columns and rows. */
export interface PdfTableSpec<Row> {
  title: string;
  columns: readonly PdfTableColumn<Row>[];
  rows: readonly Row[];
  /** Rows drawn in bold, e.g. a totals row. */
  isBold?: (row: Row) => boolean;
}

/** Where the next block goes: a page and the y of its top edge. */
export interface PdfCursor {
  page: PDFPage;
  y: number;
}

const FONT_SIZE = 7.5;
const ROW_HEIGHT = 13;
const HEADER_LINE = 9.5;
const CELL_PADDING = 3;
const MARKER_SIZE = 6;
const TITLE_SIZE = 12;

const TEXT_COLOUR = '#212121';

/** One line of text in a table's content, placed like pdf-layout's drawText; returns its width. */
function put(
  content: PageContent,
  text: string,
  o: {
    x: number;
    y: number;
    size: number;
    font: PDFFont;
    align?: 'left' | 'center' | 'right';
    maxWidth?: number;
  },
): number {
  const line = o.maxWidth === undefined ? text : fitToWidth(text, o.font, o.size, o.maxWidth);
  const width = textWidth(o.font, line, o.size);
  const x = o.align === 'right' ? o.x - width : o.align === 'center' ? o.x - width / 2 : o.x;
  content.text(line, x, o.y, o.size, o.font, TEXT_COLOUR);
  return width;
}

function columnWidths<Row>(
  spec: PdfTableSpec<Row>,
  cells: readonly (readonly string[])[],
  bold: readonly boolean[],
  fonts: PdfFonts,
): number[] {
  const natural = spec.columns.map((column, index) => {
    const headerWidth = Math.max(
      ...column.header.split('\n').map((line) => textWidth(fonts.bold, nfc(line), FONT_SIZE)),
    );
    const cellWidth = Math.max(
      0,
      ...cells.map((row, r) => textWidth(bold[r] ? fonts.bold : fonts.regular, row[index] ?? '', FONT_SIZE)),
    );
    return Math.max(headerWidth, cellWidth + (column.marker ? MARKER_SIZE + 3 : 0)) + 2 * CELL_PADDING;
  });
  const total = natural.reduce((sum, width) => sum + width, 0);
  const flexibleTotal = spec.columns.reduce(
    (sum, column, index) => sum + (column.flexible ? (natural[index] ?? 0) : 0),
    0,
  );
  if (flexibleTotal === 0) return natural;
  // Too wide: flexible columns shrink in proportion. Too narrow: they take the spare width.
  const factor = Math.max(0.3, 1 + (CONTENT_WIDTH - total) / flexibleTotal);
  return natural.map((width, index) => (spec.columns[index]?.flexible ? width * factor : width));
}

function headerHeight<Row>(spec: PdfTableSpec<Row>): number {
  const lines = Math.max(...spec.columns.map((column) => column.header.split('\n').length));
  return lines * HEADER_LINE + 2 * CELL_PADDING + 1;
}

function drawHeader<Row>(
  content: PageContent,
  y: number,
  spec: PdfTableSpec<Row>,
  widths: number[],
  fonts: PdfFonts,
): number {
  const height = headerHeight(spec);
  content.rect(PAGE.margin, y - height, CONTENT_WIDTH, height, '#e3e8ee');
  let x = PAGE.margin;
  spec.columns.forEach((column, index) => {
    const width = widths[index] ?? 0;
    column.header.split('\n').forEach((line, lineIndex) => {
      put(content, nfc(line), {
        x:
          column.align === 'left'
            ? x + CELL_PADDING
            : column.align === 'right'
              ? x + width - CELL_PADDING
              : x + width / 2,
        y: y - CELL_PADDING - HEADER_LINE * (lineIndex + 1) + 2,
        size: FONT_SIZE,
        font: fonts.bold,
        align: column.align,
        maxWidth: width - 2 * CELL_PADDING,
      });
    });
    x += width;
  });
  return y - height;
}

function drawTitle(content: PageContent, y: number, title: string, fonts: PdfFonts): number {
  put(content, nfc(title), { x: PAGE.margin, y: y - TITLE_SIZE, size: TITLE_SIZE, font: fonts.bold });
  return y - TITLE_SIZE - 8;
}

/**
 * Draws a table from the cursor on, continuing on new pages with the title marked "(tiếp)" and the
 * header repeated. Starts on a fresh page when fewer than three rows would fit under the header.
 */
export function drawTable<Row>(
  doc: PDFDocument,
  fonts: PdfFonts,
  spec: PdfTableSpec<Row>,
  start: PdfCursor | null,
): PdfCursor {
  // Every cell once: the widths and the drawing read the same strings (cells format dates and numbers).
  const cells = spec.rows.map((row) => spec.columns.map((column) => nfc(column.cell(row))));
  const bold = spec.rows.map((row) => spec.isBold?.(row) ?? false);
  const widths = columnWidths(spec, cells, bold, fonts);
  const needed = TITLE_SIZE + 8 + headerHeight(spec) + 3 * ROW_HEIGHT;
  let page = start && start.y - needed >= CONTENT_BOTTOM ? start.page : addReportPage(doc);
  let y = page === start?.page ? start.y : CONTENT_TOP;
  let content = new PageContent(page);
  y = drawHeader(content, drawTitle(content, y, spec.title, fonts), spec, widths, fonts);

  spec.rows.forEach((row, rowIndex) => {
    if (y - ROW_HEIGHT < CONTENT_BOTTOM) {
      content.finish(doc);
      page = addReportPage(doc);
      content = new PageContent(page);
      y = drawHeader(
        content,
        drawTitle(content, CONTENT_TOP, unitTableWords.continued(spec.title), fonts),
        spec,
        widths,
        fonts,
      );
    }
    if (rowIndex % 2 === 1) content.rect(PAGE.margin, y - ROW_HEIGHT, CONTENT_WIDTH, ROW_HEIGHT, '#f4f6f8');
    const font = bold[rowIndex] ? fonts.bold : fonts.regular;
    const baseline = y - ROW_HEIGHT / 2 - FONT_SIZE * 0.35;
    let x = PAGE.margin;
    spec.columns.forEach((column, index) => {
      const width = widths[index] ?? 0;
      const marker = column.marker?.(row) ?? null;
      const text = cells[rowIndex]?.[index] ?? '';
      const left = x + CELL_PADDING + (marker ? MARKER_SIZE + 3 : 0);
      const right = x + width - CELL_PADDING;
      const drawnWidth = put(content, text, {
        x: column.align === 'left' ? left : column.align === 'right' ? right : (left + right) / 2,
        y: baseline,
        size: FONT_SIZE,
        font,
        align: column.align,
        maxWidth: right - left,
      });
      if (marker) {
        // Right next to the text it qualifies, wherever the alignment put it.
        const textLeft =
          column.align === 'left'
            ? left
            : column.align === 'right'
              ? right - drawnWidth
              : (left + right - drawnWidth) / 2;
        content.rect(textLeft - MARKER_SIZE - 3, baseline, MARKER_SIZE, MARKER_SIZE, marker);
      }
      x += width;
    });
    y -= ROW_HEIGHT;
  });
  content.line(PAGE.margin, y, PAGE.margin + CONTENT_WIDTH, y, 0.5, '#999999');
  content.finish(doc);
  return { page, y: y - 16 };
}

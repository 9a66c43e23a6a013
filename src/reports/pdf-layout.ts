import { deflateSync } from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFName, PDFPage, rgb, type PDFFont, type RGB } from 'pdf-lib';
import { loadFontBytes } from './font-files.js';
import { useFastSubset } from './pdf-font-subset.js';
import { useCmapLayout } from './pdf-glyph-layout.js';
import { PageContent, encodedStream, finishPendingContents, pendingContent } from './pdf-page-content.js';
import { hexToRgbChannels } from './report-palette.js';
import { nfc } from '../messages/vi-format.js';

/** A4 portrait in PDF points, and the margins every report page keeps. */
export const PAGE = { width: 595.28, height: 841.89, margin: 40, footerHeight: 28 } as const;

/** The usable width between the side margins. */
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
/** The lowest y content may reach before the footer band. */
export const CONTENT_BOTTOM = PAGE.margin + PAGE.footerHeight;
/** The y where content starts at the top of a page. */
export const CONTENT_TOP = PAGE.height - PAGE.margin;

/** The two embedded faces of the report font. */
export interface PdfFonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** A '#rrggbb' colour for pdf-lib. */
export function pdfColor(hex: string): RGB {
  const [r, g, b] = hexToRgbChannels(hex);
  return rgb(r, g, b);
}

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

const parsedFonts = new WeakMap<Uint8Array, ReturnType<Fontkit['create']>>();

/**
 * fontkit with parsed fonts kept per byte array. Parsing DejaVu Sans costs ~100 ms per document and
 * the evening job renders one document per scope; a parsed font is read-only apart from its glyph
 * caches, and each embedding still makes its own subset, so documents can share it.
 */
const cachingFontkit: Fontkit = {
  create(bytes, postscriptName) {
    if (postscriptName !== undefined) return fontkit.create(bytes, postscriptName);
    let font = parsedFonts.get(bytes);
    if (!font) {
      font = useCmapLayout(fontkit.create(bytes));
      parsedFonts.set(bytes, font);
    }
    return font;
  },
};

/**
 * Creates a document with the bundled DejaVu Sans embedded as subsets. The names carry a standard
 * subset tag (six capitals and '+') so viewers and checkers recognise them as subsets; pdf-lib's
 * default name would be a random suffix instead.
 */
export async function createReportDocument(): Promise<{ doc: PDFDocument; fonts: PdfFonts }> {
  const bytes = await loadFontBytes();
  const doc = await PDFDocument.create({ updateMetadata: false });
  // The fonts' subsets and their character maps are deflated by zlib rather than pako (JavaScript).
  doc.context.flateStream = (contents, dict = {}) =>
    encodedStream(
      doc,
      deflateSync(typeof contents === 'string' ? Buffer.from(contents, 'latin1') : contents),
      {
        ...dict,
        Filter: 'FlateDecode',
      },
    );
  doc.registerFontkit(cachingFontkit);
  const regular = await doc.embedFont(bytes.regular, { subset: true, customName: 'SOHOAR+DejaVuSans' });
  const bold = await doc.embedFont(bytes.bold, { subset: true, customName: 'SOHOAB+DejaVuSans-Bold' });
  useFastSubset(regular);
  useFastSubset(bold);
  faceOf.set(regular, bytes.regular);
  faceOf.set(bold, bytes.bold);
  return { doc, fonts: { regular, bold } };
}

// A width depends on the face and the text only, not on the document: every document embeds the same
// (cached) font bytes, so widths measured for one evening's documents serve the next ones.
const faceOf = new WeakMap<PDFFont, object>();
const widthCache = new WeakMap<object, Map<string, number>>();

/**
 * The width of text at a size. pdf-lib runs fontkit's full OpenType layout for every measurement,
 * and a 119-row table measures each cell several times: cache per face (width scales with size).
 */
export function textWidth(font: PDFFont, text: string, size: number): number {
  const face = faceOf.get(font) ?? font;
  let widths = widthCache.get(face);
  if (!widths) {
    widths = new Map();
    widthCache.set(face, widths);
  }
  let unitWidth = widths.get(text);
  if (unitWidth === undefined) {
    unitWidth = font.widthOfTextAtSize(text, 1);
    widths.set(text, unitWidth);
  }
  return unitWidth * size;
}

/** Options for drawing one line of text. */
export interface TextOptions {
  x: number;
  y: number;
  size: number;
  font: PDFFont;
  color?: string;
  /** Where x is: the left edge (default), the centre, or the right edge of the text. */
  align?: 'left' | 'center' | 'right';
  /** Cut the text with '…' so it fits in this width. */
  maxWidth?: number;
}

/** Draws one NFC-normalised line; returns its width. */
export function drawText(page: PDFPage, text: string, options: TextOptions): number {
  let line = nfc(text);
  if (options.maxWidth !== undefined) line = fitToWidth(line, options.font, options.size, options.maxWidth);
  const width = textWidth(options.font, line, options.size);
  const x =
    options.align === 'right'
      ? options.x - width
      : options.align === 'center'
        ? options.x - width / 2
        : options.x;
  pendingContent(page).text(line, x, options.y, options.size, options.font, options.color ?? '#212121');
  return width;
}

/** The longest prefix of text, plus '…', that fits in maxWidth. */
export function fitToWidth(text: string, font: PDFFont, size: number, maxWidth: number): string {
  if (textWidth(font, text, size) <= maxWidth) return text;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (textWidth(font, `${text.slice(0, middle)}…`, size) <= maxWidth) low = middle;
    else high = middle - 1;
  }
  return `${text.slice(0, low).trimEnd()}…`;
}

/** Breaks text into lines no wider than maxWidth. */
export function wrapPdfText(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of nfc(text).split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(font, candidate, size) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Saves a report document: the text drawn with `drawText` is written first (pdf-page-content.ts). */
export async function saveReportDocument(doc: PDFDocument): Promise<Uint8Array> {
  finishPendingContents(doc);
  // No object streams: pdf-lib deflates them in JavaScript (~90 ms a report) to save 0.5 % of a file
  // made mostly of chart images. And no yielding every 50 objects: each yield is a setTimeout (≥ 1 ms
  // of idle wall time, several per report) for a save that takes a few milliseconds of work.
  return doc.save({ useObjectStreams: false, objectsPerTick: Infinity });
}

/** Adds a blank A4 portrait page. */
export function addReportPage(doc: PDFDocument): PDFPage {
  // The same page as `doc.addPage([width, height])`, whose setSize reads back all five page boxes
  // through the page tree's inheritance (~0.4 ms a page); a new page only has the MediaBox to set.
  const page = PDFPage.create(doc);
  page.node.set(PDFName.MediaBox, doc.context.obj([0, 0, PAGE.width, PAGE.height]));
  return doc.addPage(page);
}

/** Writes "<label> · Trang x/y" on every page, once the page count is known. */
export function drawPageFooters(doc: PDFDocument, fonts: PdfFonts, label: string): void {
  const pages = doc.getPages();
  const text = fitToWidth(nfc(label), fonts.regular, 8, CONTENT_WIDTH - 80);
  pages.forEach((page, index) => {
    const y = PAGE.margin - 6;
    // Written as the page's own content (pdf-page-content.ts): one small stream per page, no pdf-lib operators.
    const content = new PageContent(page);
    content.line(PAGE.margin, y + 13, PAGE.width - PAGE.margin, y + 13, 0.5, '#bbbbbb');
    content.text(text, PAGE.margin, y, 8, fonts.regular, '#555555');
    const number = `Trang ${index + 1}/${pages.length}`;
    content.text(
      number,
      PAGE.width - PAGE.margin - textWidth(fonts.regular, number, 8),
      y,
      8,
      fonts.regular,
      '#555555',
    );
    content.finish(doc);
  });
}

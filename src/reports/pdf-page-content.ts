import { deflateSync } from 'node:zlib';
import type { PDFDocument, PDFFont, PDFName, PDFPage } from 'pdf-lib';
import { layoutNeedsShaping } from './pdf-glyph-layout.js';
import { hexToRgbChannels } from './report-palette.js';

// A table page holds a thousand cells. Through pdf-lib's drawText each cell costs ~20 operator objects,
// option validation and number formatting, and the page's operators are deflated by pako (JavaScript)
// at save time: most of the evening PDF's assembly time. Here a page's table is written as content
// stream text directly (one BT…ET per line of text, colours set when they change) and deflated by
// zlib. Glyphs still go through the PDFFont, so the fonts' subsets get every character drawn.

const num = (value: number) => {
  const text = value.toFixed(2);
  return text.endsWith('.00') ? text.slice(0, -3) : text.replace(/0$/, '');
};

const colours = new Map<string, string>();

function colour(hex: string): string {
  let rgb = colours.get(hex);
  if (rgb === undefined) {
    rgb = hexToRgbChannels(hex)
      .map((c) => num(c))
      .join(' ');
    colours.set(hex, rgb);
  }
  return rgb;
}

const glyphHexes = new WeakMap<PDFFont, Map<number, string>>();

/**
 * The text as a hex string of the font subset's glyph ids, as `font.encodeText` writes it. Text that
 * needs no shaping (pdf-glyph-layout.ts) maps one character to one glyph, so each character is encoded
 * through the font once per document and then looked up: pdf-lib would redo the layout, the subset
 * lookup and the hex formatting for every character of a thousand cells. The first encoding of each
 * character still adds its glyph to the subset, in the same order as encoding whole strings would.
 */
function encodeGlyphs(font: PDFFont, text: string): string {
  if (layoutNeedsShaping(text)) return font.encodeText(text).toString();
  let hexes = glyphHexes.get(font);
  if (!hexes) {
    hexes = new Map();
    glyphHexes.set(font, hexes);
  }
  let encoded = '<';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let hex = hexes.get(code);
    if (hex === undefined) {
      hex = font.encodeText(text.charAt(i)).toString().slice(1, -1);
      hexes.set(code, hex);
    }
    encoded += hex;
  }
  return `${encoded}>`;
}

const STREAM = Buffer.from('\nstream\n', 'latin1');
const ENDSTREAM = Buffer.from('\nendstream', 'latin1');

/**
 * A stream of bytes already encoded (deflated content, a chart's PNG data) whose bytes are written into
 * the saved file with one copy: pdf-lib copies a stream byte by byte, ~10 ms for a report's charts.
 */
export function encodedStream(
  doc: PDFDocument,
  bytes: Uint8Array,
  dict: Parameters<PDFDocument['context']['stream']>[1],
) {
  const stream = doc.context.stream(bytes, dict);
  stream.copyBytesInto = (buffer: Uint8Array, offset: number): number => {
    stream.updateDict();
    let at = offset + stream.dict.copyBytesInto(buffer, offset);
    buffer.set(STREAM, at);
    at += STREAM.length;
    const contents = stream.getContents();
    buffer.set(contents, at);
    at += contents.length;
    buffer.set(ENDSTREAM, at);
    return at + ENDSTREAM.length - offset;
  };
  return stream;
}

const pending = new WeakMap<PDFPage, PageContent>();

/**
 * The page's open content, for text drawn a line at a time (the cover): written when the document is
 * saved through `saveReportDocument`, above what pdf-lib drew on the page (boxes and bars under text).
 */
export function pendingContent(page: PDFPage): PageContent {
  let content = pending.get(page);
  if (!content) {
    content = new PageContent(page);
    pending.set(page, content);
  }
  return content;
}

/** Writes every page's open content; before saving. */
export function finishPendingContents(doc: PDFDocument): void {
  for (const page of doc.getPages()) {
    pending.get(page)?.finish(doc);
    pending.delete(page);
  }
}

/** One page's extra content stream, written as text and added to the page when finished. */
export class PageContent {
  readonly #parts: string[] = ['q\n'];
  readonly #fontKeys = new Map<PDFFont, string>();
  #fill = '';
  #finished = false;

  constructor(readonly page: PDFPage) {}

  #fillColour(hex: string): void {
    const rgb = colour(hex);
    if (rgb !== this.#fill) {
      this.#parts.push(`${rgb} rg\n`);
      this.#fill = rgb;
    }
  }

  #fontKey(font: PDFFont): string {
    let key = this.#fontKeys.get(font);
    if (!key) {
      key = this.page.node.newFontDictionary(font.name, font.ref).toString();
      this.#fontKeys.set(font, key);
    }
    return key;
  }

  /** One line of text with its left end at (x, y), already NFC and fitted. */
  text(text: string, x: number, y: number, size: number, font: PDFFont, hex: string): void {
    if (text === '') return;
    this.#fillColour(hex);
    const encoded = encodeGlyphs(font, text);
    this.#parts.push(`BT ${this.#fontKey(font)} ${num(size)} Tf ${num(x)} ${num(y)} Td ${encoded} Tj ET\n`);
  }

  /** A filled rectangle. */
  rect(x: number, y: number, width: number, height: number, hex: string): void {
    this.#fillColour(hex);
    this.#parts.push(`${num(x)} ${num(y)} ${num(width)} ${num(height)} re f\n`);
  }

  /** A filled rectangle with a border. */
  box(
    x: number,
    y: number,
    width: number,
    height: number,
    fill: string,
    border: string,
    borderWidth: number,
  ): void {
    this.#fillColour(fill);
    this.#parts.push(
      `q ${colour(border)} RG ${num(borderWidth)} w ${num(x)} ${num(y)} ${num(width)} ${num(height)} re B Q\n`,
    );
  }

  /** An image XObject (registered on the page as `name`) scaled into a box. */
  image(name: PDFName, x: number, y: number, width: number, height: number): void {
    this.#parts.push(`q ${num(width)} 0 0 ${num(height)} ${num(x)} ${num(y)} cm ${name.toString()} Do Q\n`);
  }

  /** A straight stroked line. */
  line(x1: number, y1: number, x2: number, y2: number, thickness: number, hex: string): void {
    this.#parts.push(
      `q ${colour(hex)} RG ${num(thickness)} w ${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S Q\n`,
    );
  }

  /** Adds the content, deflated, to the page; later calls do nothing. */
  finish(doc: PDFDocument): void {
    if (this.#finished) return;
    this.#finished = true;
    this.#parts.push('Q\n');
    const bytes = deflateSync(Buffer.from(this.#parts.join(''), 'latin1'), { level: 6 });
    const stream = encodedStream(doc, bytes, { Filter: 'FlateDecode' });
    this.page.node.addContentStream(doc.context.register(stream));
  }
}

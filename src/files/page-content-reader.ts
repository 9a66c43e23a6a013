import { PDFArray, PDFDict, PDFRawStream, type PDFContext, type PDFObject } from 'pdf-lib';
import { describeImage, type ScanImage } from './page-image-finder.js';
import { decodeStreamData, filterChain } from './pdf-stream-decoder.js';
import { entry, pdfArray, pdfDict, pdfName, pdfNumber, resolvePdf } from './pdf-value-reader.js';

/** A PDF transformation matrix [a b c d e f] (ISO 32000-1 §8.3.3). */
export type Matrix = readonly [number, number, number, number, number, number];

/** One image as the page draws it: the transformation in force at its `Do` maps the unit square onto it. */
export interface ImagePlacement {
  readonly image: ScanImage;
  readonly ctm: Matrix;
}

/** What a page's content streams draw, or why they could not be followed. */
export type PageContent =
  /** The content was read to the end: every image drawn and where. */
  | {
      readonly kind: 'drawn';
      readonly placements: readonly ImagePlacement[];
      /** Inline images (BI … EI) met: they carry pixels too, though they are not measured. */
      readonly inlineImages: number;
    }
  /** No content stream, or one in a filter we do not decode: judge by the page's resources instead. */
  | { readonly kind: 'absent' }
  /** A content stream or a drawn XObject is missing, damaged or cannot be decoded: a reader cannot show it. */
  | { readonly kind: 'unreadable' }
  /** The content ran past the file's content budget: judge by the resources instead. */
  | { readonly kind: 'over_budget' };

/** Bounds on interpreting content streams, for the whole file. */
export interface ContentLimits {
  /** Decoded content-stream bytes (page and form contents). */
  readonly maxContentBytes: number;
  /** Tokens read from content streams. */
  readonly maxTokens: number;
}

/** Default content bounds: real scans draw their image with a handful of operators. */
export const DEFAULT_CONTENT_LIMITS: ContentLimits = Object.freeze({
  maxContentBytes: 8 * 1024 * 1024,
  maxTokens: 2_000_000,
});

/** Work spent on content streams so far in one file (shared by its pages). */
export class ContentBudget {
  bytes = 0;
  tokens = 0;
  /** A content stream named its filter by an abbreviation (/Fl…). */
  abbreviated = false;
  constructor(readonly limits: ContentLimits = DEFAULT_CONTENT_LIMITS) {}
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const MAX_FORM_DEPTH = 4;
const MAX_PLACEMENTS = 5000;
const MAX_STACK = 64;

class Unreadable extends Error {
  override readonly name = 'Unreadable';
}
class OverBudget extends Error {
  override readonly name = 'OverBudget';
}
class Unsupported extends Error {
  override readonly name = 'Unsupported';
}

/** `m` then `n`: the matrix of applying m's transformation inside n's (PDF's `cm` is m × CTM). */
export function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

/**
 * Follows a page's content streams the way a viewer paints them, tracking only what places images: `q`,
 * `Q`, `cm` and `Do` (into form XObjects too, with their /Matrix). Bounded by the file's budget.
 */
export function readPageContent(
  context: PDFContext,
  page: PDFDict,
  resources: PDFDict | undefined,
  budget: ContentBudget,
): PageContent {
  const contents = entry(page, 'Contents');
  if (contents === undefined) return { kind: 'absent' };
  const placements: ImagePlacement[] = [];
  const inline = { count: 0 };
  try {
    const streams = contentStreams(context, contents);
    const data = concat(streams.map((stream) => decodeContent(context, stream, budget)));
    interpret(context, data, resources, IDENTITY, 0, budget, placements, inline);
    return { kind: 'drawn', placements, inlineImages: inline.count };
  } catch (error) {
    if (error instanceof Unreadable) return { kind: 'unreadable' };
    if (error instanceof OverBudget) return { kind: 'over_budget' };
    return { kind: 'absent' };
  }
}

function contentStreams(context: PDFContext, contents: PDFObject): PDFRawStream[] {
  const resolved = resolvePdf(context, contents);
  const items = resolved instanceof PDFArray ? resolved.asArray() : [contents];
  return items.map((item) => {
    const stream = resolvePdf(context, item);
    if (!(stream instanceof PDFRawStream)) throw new Unreadable('content stream missing');
    return stream;
  });
}

function decodeContent(context: PDFContext, stream: PDFRawStream, budget: ContentBudget): Uint8Array {
  const room = budget.limits.maxContentBytes - budget.bytes;
  if (room <= 0) throw new OverBudget('content');
  const chain = filterChain(context, stream.dict);
  if (chain.abbreviated) budget.abbreviated = true;
  const decoded = decodeStreamData(context, chain, stream.contents, room, false);
  if (!decoded.ok)
    throw decoded.reason === 'unreadable' ? new Unreadable('content') : new Unsupported('filter');
  if (decoded.remaining.length > 0) throw new Unsupported('filter');
  if (!decoded.complete) throw new OverBudget('content');
  budget.bytes += decoded.bytes.length;
  return decoded.bytes;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0] ?? new Uint8Array(0);
  // Content streams of one page are one stream split anywhere between tokens: join them with a space.
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length + 1, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    out[at + part.length] = 0x20;
    at += part.length + 1;
  }
  return out;
}

// Byte classes for the tokenizer.
const SPACE = new Uint8Array(256);
for (const code of [0, 9, 10, 12, 13, 32]) SPACE[code] = 1;
const DELIMITER = new Uint8Array(256);
for (const code of [40, 41, 60, 62, 91, 93, 123, 125, 47, 37]) DELIMITER[code] = 1;

function interpret(
  context: PDFContext,
  data: Uint8Array,
  resources: PDFDict | undefined,
  start: Matrix,
  depth: number,
  budget: ContentBudget,
  placements: ImagePlacement[],
  inline: { count: number },
): void {
  let ctm = start;
  const stack: Matrix[] = [];
  const numbers: number[] = [];
  let lastName: string | undefined;
  let at = 0;
  const length = data.length;
  while (at < length) {
    const byte = data[at] ?? 0;
    if (SPACE[byte] === 1) {
      at += 1;
      continue;
    }
    if ((budget.tokens += 1) > budget.limits.maxTokens) throw new OverBudget('tokens');
    if (byte === 0x25) {
      while (at < length && data[at] !== 0x0a && data[at] !== 0x0d) at += 1;
      continue;
    }
    if (byte === 0x2f) {
      let end = at + 1;
      while (end < length && SPACE[data[end] ?? 0] === 0 && DELIMITER[data[end] ?? 0] === 0) end += 1;
      lastName = Buffer.from(data.buffer, data.byteOffset + at + 1, end - at - 1).toString('latin1');
      at = end;
      continue;
    }
    if (byte === 0x28) {
      at = skipString(data, at);
      continue;
    }
    if (byte === 0x3c || byte === 0x3e || byte === 0x5b || byte === 0x5d || byte === 0x7b || byte === 0x7d) {
      // Hex strings, dictionaries and arrays only feed operators we do not follow.
      if (byte === 0x3c && data[at + 1] !== 0x3c) {
        while (at < length && data[at] !== 0x3e) at += 1;
      }
      at += 1;
      numbers.length = 0;
      continue;
    }
    let end = at + 1;
    while (end < length && SPACE[data[end] ?? 0] === 0 && DELIMITER[data[end] ?? 0] === 0) end += 1;
    if ((byte >= 0x30 && byte <= 0x39) || byte === 0x2d || byte === 0x2b || byte === 0x2e) {
      const value = Number(Buffer.from(data.buffer, data.byteOffset + at, end - at).toString('latin1'));
      numbers.push(Number.isFinite(value) ? value : 0);
      if (numbers.length > 6) numbers.shift();
      at = end;
      continue;
    }
    const operator =
      end - at <= 2 ? Buffer.from(data.buffer, data.byteOffset + at, end - at).toString('latin1') : '';
    at = end;
    if (operator === 'q') {
      if (stack.length < MAX_STACK) stack.push(ctm);
    } else if (operator === 'Q') {
      ctm = stack.pop() ?? ctm;
    } else if (operator === 'cm' && numbers.length === 6) {
      ctm = multiply(numbers as unknown as Matrix, ctm);
    } else if (operator === 'Do' && lastName !== undefined) {
      draw(context, lastName, resources, ctm, depth, budget, placements, inline);
    } else if (operator === 'BI') {
      inline.count += 1;
      at = skipInlineImage(data, at);
    }
    numbers.length = 0;
    lastName = undefined;
  }
}

function draw(
  context: PDFContext,
  name: string,
  resources: PDFDict | undefined,
  ctm: Matrix,
  depth: number,
  budget: ContentBudget,
  placements: ImagePlacement[],
  inline: { count: number },
): void {
  const xobjects = resources === undefined ? undefined : pdfDict(context, entry(resources, 'XObject'));
  const reference = xobjects === undefined ? undefined : entry(xobjects, name);
  // A name the resources do not list draws nothing (viewers skip it); one that points nowhere is damage.
  if (reference === undefined) return;
  const stream = resolvePdf(context, reference);
  if (!(stream instanceof PDFRawStream)) throw new Unreadable('xobject missing');
  const subtype = pdfName(context, entry(stream.dict, 'Subtype'));
  if (subtype === 'Image') {
    const image = describeImage(context, stream);
    if (image !== undefined && placements.length < MAX_PLACEMENTS) placements.push({ image, ctm });
    return;
  }
  if (subtype !== 'Form' || depth >= MAX_FORM_DEPTH) return;
  const matrix = formMatrix(context, stream.dict);
  const formResources = pdfDict(context, entry(stream.dict, 'Resources')) ?? resources;
  const data = decodeContent(context, stream, budget);
  interpret(context, data, formResources, multiply(matrix, ctm), depth + 1, budget, placements, inline);
}

function formMatrix(context: PDFContext, dict: PDFDict): Matrix {
  const array = pdfArray(context, entry(dict, 'Matrix'));
  if (array === undefined || array.size() !== 6) return IDENTITY;
  const values = array.asArray().map((item) => pdfNumber(context, item));
  return values.every((value) => value !== undefined) ? (values as unknown as Matrix) : IDENTITY;
}

function skipString(data: Uint8Array, start: number): number {
  let depth = 0;
  for (let at = start; at < data.length; at += 1) {
    const byte = data[at];
    if (byte === 0x5c) at += 1;
    else if (byte === 0x28) depth += 1;
    else if (byte === 0x29 && (depth -= 1) === 0) return at + 1;
  }
  return data.length;
}

/** Past an inline image: from after `BI` to after the `EI` that follows its `ID` data. */
function skipInlineImage(data: Uint8Array, from: number): number {
  let at = from;
  while (
    at + 1 < data.length &&
    !(data[at] === 0x49 && data[at + 1] === 0x44 && SPACE[data[at + 2] ?? 0] === 1)
  )
    at += 1;
  for (at += 3; at + 2 < data.length; at += 1) {
    if (
      SPACE[data[at - 1] ?? 0] === 1 &&
      data[at] === 0x45 &&
      data[at + 1] === 0x49 &&
      (at + 2 >= data.length || SPACE[data[at + 2] ?? 0] === 1)
    )
      return at + 2;
  }
  return data.length;
}

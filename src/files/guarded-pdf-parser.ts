import {
  PDFDict,
  PDFName,
  PDFNumber,
  PDFObjectStreamParser,
  PDFParser,
  PDFRawStream,
  PDFRef,
  type PDFContext,
  type PDFObject,
} from 'pdf-lib';
import { installBoundedLexer } from './bounded-pdf-lexer.js';
import { withSilencedConsole } from './console-silencer.js';
import { inflateObjectStream } from './object-stream-inflater.js';

/**
 * Bounds on one parse; together they keep any input under a couple of seconds and a few hundred MB. All
 * count work done, never elapsed time, so a verdict does not depend on how busy the machine is.
 */
export interface PdfParseLimits {
  /** Indirect objects, counting those packed in object streams. */
  readonly maxObjects: number;
  /** Every parsed value (numbers, strings, arrays…): bounds the memory of the object graph. */
  readonly maxValues: number;
  /**
   * Distinct names and references. pdf-lib interns both in process-wide pools that are never emptied, so
   * these bound how much one file can grow them for the life of the service (a few MB at worst).
   */
  readonly maxNames: number;
  readonly maxRefs: number;
  readonly maxNameLength: number;
  readonly maxStringBytes: number;
  /** Total decompressed size of object streams — the only streams a parse must inflate. */
  readonly maxInflatedBytes: number;
  /**
   * Work units: a byte scanned or skipped, a byte inflated, and a fixed cost per value and per object
   * (see WORK_PER_VALUE and WORK_PER_OBJECT). Bounds CPU time where the other limits leave it open.
   */
  readonly maxWorkUnits: number;
}

/** Generous for any real one-page scan (a few dozen objects), tight for hostile files. */
export const DEFAULT_PDF_PARSE_LIMITS: PdfParseLimits = Object.freeze({
  maxObjects: 20_000,
  maxValues: 200_000,
  maxNames: 5_000,
  maxRefs: 25_000,
  maxNameLength: 256,
  maxStringBytes: 1024 * 1024,
  maxInflatedBytes: 4 * 1024 * 1024,
  // About 1.5 s of parsing on one core of the reference machine (bench/files measures it); the hostile
  // corpus in test/files/hostile-pdf.test.ts stays well under it.
  maxWorkUnits: 60_000_000,
});

/** Work units charged per parsed value and per indirect object, on top of the bytes they span. */
// Measured: an object costs about as much as scanning a kilobyte (error recovery included), a value
// about 32 bytes.
export const WORK_PER_VALUE = 32;
export const WORK_PER_OBJECT = 1000;

/** Which bound a hostile or absurd file ran into. */
export type PdfLimitName = 'objects' | 'values' | 'names' | 'refs' | 'inflated' | 'work';

/** The object graph, or why there is none. `brokenObjectStreams` counts object streams that could not be read. */
export type PdfParseResult =
  | {
      readonly ok: true;
      readonly context: PDFContext;
      readonly brokenObjectStreams: number;
      /** An object stream named its filter by an abbreviation (/Fl…), which readers accept. */
      readonly abbreviatedFilters: boolean;
      /** A cross-reference stream supplied the trailer (then there is no classic `trailer`). */
      readonly xrefStreamTrailer: boolean;
      /** Work units the parse used (see PdfParseLimits.maxWorkUnits). */
      readonly work: number;
    }
  | { readonly ok: false; readonly fault: 'damaged'; readonly detail: string }
  | { readonly ok: false; readonly fault: 'too_complex'; readonly detail: PdfLimitName };

// pdf-lib 1.17.1 (its last release) parses linearly and lazily, which suits us, but some private methods
// are unsafe on hostile input: object streams are inflated without a size cap, an XRef stream's /Size
// drives an unbounded loop, tokens are built char by char (bounded-pdf-lexer.ts), and names and refs are
// interned forever. We replace those methods on the parser instance — never the prototype, so other
// pdf-lib users are untouched. test/files/guarded-pdf-parser.test.ts fails if the internals move.
interface ParserInternals {
  readonly context: PDFContext;
  readonly bytes: { offset(): number };
  shouldWaitForTick: () => boolean;
  parseIndirectObject: () => Promise<PDFRef>;
  parseObject: () => PDFObject;
  parseIndirectObjectHeader(): PDFRef;
  skipWhitespaceAndComments(): void;
  matchKeyword(keyword: number[]): boolean;
}

/** The private pdf-lib parser methods the guard relies on or replaces (checked by a test). */
export const PDF_LIB_INTERNALS = [
  'shouldWaitForTick',
  'parseIndirectObject',
  'parseObject',
  'parseIndirectObjectHeader',
  'skipWhitespaceAndComments',
  'matchKeyword',
  'parseName',
  'parseString',
  'parseHexString',
  'parseRawInt',
  'parseRawNumber',
  'findEndOfStreamFallback',
  'skipJibberish',
] as const;

const baseParseObject = (PDFParser.prototype as unknown as ParserInternals).parseObject;
// Deflate's output is at most about 1,032 times its input.
const MAX_DEFLATE_RATIO = 1032;
const ENDOBJ = [...'endobj'].map((char) => char.charCodeAt(0));
const TYPE = PDFName.of('Type');

class LimitExceeded extends Error {
  override readonly name = 'LimitExceeded';
}

class ParseGuard {
  objects = 0;
  values = 0;
  readonly names = new Set<string>();
  readonly refs = new Set<PDFRef>();
  inflated = 0;
  brokenObjectStreams = 0;
  abbreviatedFilters = false;
  xrefStreamTrailer = false;
  work = 0;
  exceeded: PdfLimitName | undefined;

  constructor(readonly limits: PdfParseLimits) {}

  /** Sticky: once a bound is hit every later check throws, so pdf-lib's own error recovery cannot swallow it. */
  hit(limit: PdfLimitName): never {
    this.exceeded ??= limit;
    throw new LimitExceeded(limit);
  }

  /** Charges `units` of work; throws once the budget is spent (or any bound was hit before). */
  spend(units: number): void {
    if (this.exceeded !== undefined) this.hit(this.exceeded);
    this.work += units;
    if (this.work > this.limits.maxWorkUnits) this.hit('work');
  }
}

/** Parses a PDF's object graph with pdf-lib under hard bounds; never throws, never inflates images. */
export async function parsePdfGuarded(
  bytes: Uint8Array,
  limits: PdfParseLimits = DEFAULT_PDF_PARSE_LIMITS,
): Promise<PdfParseResult> {
  const guard = new ParseGuard(limits);
  const parser = PDFParser.forBytesWithOptions(bytes, Infinity, false, false);
  const internals = parser as unknown as ParserInternals;
  guardParser(internals, bytes, guard);
  internals.shouldWaitForTick = () => {
    guard.objects += 1;
    if (guard.objects > limits.maxObjects) guard.hit('objects');
    guard.spend(WORK_PER_OBJECT);
    return false;
  };
  internals.parseIndirectObject = () => parseIndirectObject(internals, guard);
  try {
    const context = await withSilencedConsole(() => parser.parseDocument());
    if (guard.exceeded !== undefined) return { ok: false, fault: 'too_complex', detail: guard.exceeded };
    return {
      ok: true,
      context,
      brokenObjectStreams: guard.brokenObjectStreams,
      abbreviatedFilters: guard.abbreviatedFilters,
      xrefStreamTrailer: guard.xrefStreamTrailer,
      work: guard.work,
    };
  } catch (error) {
    if (guard.exceeded !== undefined) return { ok: false, fault: 'too_complex', detail: guard.exceeded };
    return { ok: false, fault: 'damaged', detail: error instanceof Error ? error.name : 'unknown' };
  }
}

function guardParser(internals: ParserInternals, data: Uint8Array, guard: ParseGuard): void {
  const { limits } = guard;
  installBoundedLexer(internals, data, limits, {
    name: (name) => {
      guard.names.add(name);
      if (guard.names.size > limits.maxNames) guard.hit('names');
    },
    scanned: (bytes) => guard.spend(bytes),
  });
  // pdf-lib's own whitespace and comment skipping walks byte by byte: charged by the distance it moved.
  const skip = internals.skipWhitespaceAndComments;
  internals.skipWhitespaceAndComments = function guardedSkip(this: ParserInternals) {
    const from = this.bytes.offset();
    skip.call(this);
    guard.spend(this.bytes.offset() - from + 1);
  };
  // pdf-lib's recovery from a broken object tries the keyword at every byte up to the next `endobj`.
  const matchKeyword = internals.matchKeyword;
  internals.matchKeyword = function guardedMatchKeyword(this: ParserInternals, keyword: number[]) {
    guard.spend(1);
    return matchKeyword.call(this, keyword);
  };
  internals.parseObject = function guardedParseObject(this: ParserInternals) {
    guard.values += 1;
    if (guard.values > limits.maxValues) guard.hit('values');
    guard.spend(WORK_PER_VALUE);
    const value = baseParseObject.call(this);
    if (value instanceof PDFRef) {
      guard.refs.add(value);
      if (guard.refs.size > limits.maxRefs) guard.hit('refs');
    }
    return value;
  };
}

async function parseIndirectObject(internals: ParserInternals, guard: ParseGuard): Promise<PDFRef> {
  const ref = internals.parseIndirectObjectHeader();
  internals.skipWhitespaceAndComments();
  const object = internals.parseObject();
  internals.skipWhitespaceAndComments();
  internals.matchKeyword(ENDOBJ);
  const type = object instanceof PDFRawStream ? object.dict.get(TYPE) : undefined;
  if (object instanceof PDFRawStream && type === PDFName.of('ObjStm')) {
    await parseObjectStream(internals, object, guard);
  } else if (object instanceof PDFRawStream && type === PDFName.of('XRef')) {
    // The entries are useless to a linear parser (pdf-lib ignores them too); only the trailer keys matter.
    adoptTrailer(internals.context, object.dict);
    guard.xrefStreamTrailer = true;
  } else {
    internals.context.assign(ref, object);
  }
  return ref;
}

async function parseObjectStream(
  internals: ParserInternals,
  stream: PDFRawStream,
  guard: ParseGuard,
): Promise<void> {
  const room = guard.limits.maxInflatedBytes - guard.inflated;
  if (room <= 0) guard.hit('inflated');
  guard.spend(stream.contents.length);
  const inflated = inflateObjectStream(internals.context, stream, room);
  if (!inflated.ok) {
    if (inflated.reason === 'over_budget') guard.hit('inflated');
    // Corrupt data may have inflated a long way before failing: charge the most deflate could produce.
    guard.spend(Math.min(room, stream.contents.length * MAX_DEFLATE_RATIO));
    guard.brokenObjectStreams += 1;
    return;
  }
  if (inflated.abbreviated) guard.abbreviatedFilters = true;
  const decoded = inflated.bytes;
  guard.inflated += decoded.length;
  guard.spend(decoded.length);
  // /N sizes an array before any object is parsed: refuse a count the object budget could never allow.
  const count = stream.dict.get(PDFName.of('N'));
  if (count instanceof PDFNumber && count.asNumber() > guard.limits.maxObjects - guard.objects)
    guard.hit('objects');
  const dict = stream.dict.clone();
  dict.delete(PDFName.of('Filter'));
  dict.delete(PDFName.of('DecodeParms'));
  dict.set(PDFName.of('Length'), PDFNumber.of(decoded.length));
  const parser = PDFObjectStreamParser.forStream(PDFRawStream.of(dict, decoded), internals.shouldWaitForTick);
  guardParser(parser as unknown as ParserInternals, decoded, guard);
  await parser.parseIntoContext();
}

function adoptTrailer(context: PDFContext, dict: PDFDict): void {
  const previous = context.trailerInfo;
  context.trailerInfo = {
    Root: dict.get(PDFName.of('Root')) ?? previous.Root,
    Encrypt: dict.get(PDFName.of('Encrypt')) ?? previous.Encrypt,
    Info: dict.get(PDFName.of('Info')) ?? previous.Info,
    ID: dict.get(PDFName.of('ID')) ?? previous.ID,
  };
}

import { PDFHexString, PDFName, PDFString } from 'pdf-lib';

/** The parts of pdf-lib's (private) ByteStream the lexer moves. */
export interface ByteCursor {
  offset(): number;
  moveTo(offset: number): void;
  slice(start: number, end: number): Uint8Array;
}

/** The pdf-lib parser methods this lexer replaces on one parser instance. */
export interface LexerInternals {
  readonly bytes: ByteCursor;
  parseName: () => PDFName;
  parseString: () => PDFString;
  parseHexString: () => PDFHexString;
  parseRawInt: () => number;
  parseRawNumber: () => number;
  findEndOfStreamFallback: (startPos: unknown) => number;
  skipJibberish: () => void;
  skipWhitespaceAndComments(): void;
}

/** What the lexer reports as it goes: each name (for interning bounds) and the bytes each scan covered. */
export interface LexerMeter {
  name(name: string): void;
  /** Bytes a token read or a search looked at (the parse's work budget counts them). */
  scanned(bytes: number): void;
}

/** Caps on single tokens; the spec limits names to 127 bytes and real strings stay far below a megabyte. */
export interface LexerLimits {
  readonly maxNameLength: number;
  readonly maxStringBytes: number;
}

// pdf-lib builds every token with `value += char`. On a multi-megabyte string or digit run that is a rope
// of millions of nodes (hundreds of MB) and, where it retries at each position (skipJibberish), quadratic
// time. These replacements scan the underlying byte array directly, with the same results on valid input,
// and refuse absurd tokens. Each throw lands in pdf-lib's own per-object recovery like its own errors do.
const MAX_NUMBER_CHARS = 64;
const DELIMITER_OR_SPACE = new Uint8Array(256);
for (const code of [0, 9, 10, 12, 13, 32, 40, 41, 60, 62, 91, 93, 123, 125, 47, 37])
  DELIMITER_OR_SPACE[code] = 1;
const ENDSTREAM = Buffer.from('endstream', 'latin1');
const SECTIONS = ['xref', 'trailer', 'startxref'].map((word) => Buffer.from(word, 'latin1'));

class TokenError extends Error {
  override readonly name = 'TokenError';
}

/** Replaces pdf-lib's token readers on `target` with bounded, linear ones reading `data`. */
export function installBoundedLexer(
  target: object,
  data: Uint8Array,
  limits: LexerLimits,
  meter: LexerMeter,
): void {
  const parser = target as LexerInternals;
  const text = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let noEndstreamFrom = Infinity;
  // Stream contents become views of the input instead of copies: a scan's image is most of the file, and
  // the graph is only read, never written back, while the input is alive.
  parser.bytes.slice = (start, end) => data.subarray(start, end);
  parser.parseName = () => {
    const start = parser.bytes.offset();
    if (data[start] !== 0x2f) throw new TokenError('name expected');
    let end = start + 1;
    while (end < data.length && DELIMITER_OR_SPACE[data[end] ?? 0] === 0) {
      if (end - start > limits.maxNameLength) throw new TokenError('name too long');
      end += 1;
    }
    meter.scanned(end - start);
    const name = text.toString('latin1', start + 1, end);
    meter.name(name);
    parser.bytes.moveTo(end);
    return nameFor(name);
  };
  parser.parseString = () => {
    const start = parser.bytes.offset();
    let depth = 0;
    let escaped = false;
    let at = start;
    for (; at < data.length && at - start <= limits.maxStringBytes; at += 1) {
      const byte = data[at];
      if (!escaped && byte === 0x28) depth += 1;
      if (!escaped && byte === 0x29) depth -= 1;
      escaped = byte === 0x5c ? !escaped : false;
      if (depth === 0) {
        meter.scanned(at + 1 - start);
        parser.bytes.moveTo(at + 1);
        return PDFString.of(text.toString('latin1', start + 1, at));
      }
    }
    meter.scanned(at - start);
    throw new TokenError('unbalanced or oversized string');
  };
  parser.parseHexString = () => {
    const start = parser.bytes.offset();
    const end = text.indexOf(0x3e, start + 1);
    meter.scanned((end < 0 ? data.length : end + 1) - start);
    if (data[start] !== 0x3c || end < 0 || end - start > limits.maxStringBytes)
      throw new TokenError('bad hex string');
    parser.bytes.moveTo(end + 1);
    return PDFHexString.of(text.toString('latin1', start + 1, end));
  };
  parser.parseRawInt = () => {
    const start = parser.bytes.offset();
    let end = start;
    while (end < data.length && end - start <= MAX_NUMBER_CHARS && isDigit(data[end])) end += 1;
    meter.scanned(end - start + 1);
    if (end === start || end - start > MAX_NUMBER_CHARS) throw new TokenError('integer expected');
    parser.bytes.moveTo(end);
    return numberAt(data, text, start, end, true);
  };
  parser.parseRawNumber = () => {
    // Same grammar as pdf-lib: sign/digits/period up to the first period, then digits.
    const start = parser.bytes.offset();
    let end = start;
    let plain = true;
    while (end < data.length && end - start <= MAX_NUMBER_CHARS && isNumberStart(data[end])) {
      end += 1;
      if (!isDigit(data[end - 1])) plain = false;
      if (data[end - 1] === 0x2e) break;
    }
    while (end < data.length && end - start <= MAX_NUMBER_CHARS && isDigit(data[end])) end += 1;
    meter.scanned(end - start + 1);
    if (end === start || end - start > MAX_NUMBER_CHARS) throw new TokenError('number expected');
    const value = numberAt(data, text, start, end, plain);
    if (!Number.isFinite(value)) throw new TokenError('number expected');
    parser.bytes.moveTo(end);
    return value;
  };
  parser.findEndOfStreamFallback = () => {
    // Used when /Length is missing or wrong. A search that found nothing from here finds nothing from
    // further on either, which keeps a file of many unterminated streams linear.
    const start = parser.bytes.offset();
    const found = start >= noEndstreamFrom ? -1 : text.indexOf(ENDSTREAM, start);
    if (start < noEndstreamFrom) meter.scanned((found < 0 ? data.length : found) - start);
    if (found < 0) {
      noEndstreamFrom = Math.min(noEndstreamFrom, start);
      throw new TokenError('stream without endstream');
    }
    let end = found;
    if (end > start && data[end - 1] === 0x0a) end -= 1;
    if (end > start && data[end - 1] === 0x0d) end -= 1;
    parser.bytes.moveTo(found + ENDSTREAM.length);
    return end;
  };
  parser.skipJibberish = () => {
    // pdf-lib's version retries a full header parse at every byte: quadratic on a long run of spaces.
    parser.skipWhitespaceAndComments();
    const from = parser.bytes.offset();
    const next = nextSection(data, from);
    meter.scanned(next - from + 1);
    parser.bytes.moveTo(next);
  };
}

/** Offset of the next object header ("12 0 obj"), xref, trailer or startxref at or after `from`. */
function nextSection(data: Uint8Array, from: number): number {
  for (let at = from; at < data.length; at += 1) {
    const byte = data[at];
    if (isDigit(byte) && (at === from || !isDigit(data[at - 1])) && isObjectHeader(data, at)) return at;
    if (
      (byte === 0x78 || byte === 0x74 || byte === 0x73) &&
      SECTIONS.some((word) => startsWith(data, at, word))
    )
      return at;
  }
  return data.length;
}

function isObjectHeader(data: Uint8Array, start: number): boolean {
  let at = skipRun(data, start, 11, isDigit);
  if (at === start) return false;
  const afterNumber = skipRun(data, at, 16, isSpace);
  if (afterNumber === at) return false;
  at = skipRun(data, afterNumber, 6, isDigit);
  if (at === afterNumber) return false;
  const afterGeneration = skipRun(data, at, 16, isSpace);
  if (afterGeneration === at) return false;
  return (
    data[afterGeneration] === 0x6f && data[afterGeneration + 1] === 0x62 && data[afterGeneration + 2] === 0x6a
  );
}

function skipRun(
  data: Uint8Array,
  from: number,
  max: number,
  test: (byte: number | undefined) => boolean,
): number {
  let at = from;
  while (at < data.length && at - from < max && test(data[at])) at += 1;
  return at;
}

function startsWith(data: Uint8Array, at: number, word: Uint8Array): boolean {
  for (let index = 0; index < word.length; index += 1) if (data[at + index] !== word[index]) return false;
  return true;
}

// PDFName.of decodes #xx escapes with a regular expression on every call; the few dozen names real files
// use are looked up here first. Bounded, so hostile files cannot grow it.
const NAME_CACHE = new Map<string, PDFName>();
const NAME_CACHE_SIZE = 4096;

function nameFor(text: string): PDFName {
  let name = NAME_CACHE.get(text);
  if (name === undefined) {
    name = PDFName.of(text);
    if (NAME_CACHE.size < NAME_CACHE_SIZE) NAME_CACHE.set(text, name);
  }
  return name;
}

// Plain digit runs of up to 15 digits are exact in a double, so they are summed directly instead of going
// through a string; anything else goes through Number() exactly as pdf-lib does.
function numberAt(data: Uint8Array, text: Buffer, start: number, end: number, plain: boolean): number {
  if (!plain || end - start > 15) return Number(text.toString('latin1', start, end));
  let value = 0;
  for (let at = start; at < end; at += 1) value = value * 10 + ((data[at] ?? 0x30) - 0x30);
  return value;
}

function isNumberStart(byte: number | undefined): boolean {
  return isDigit(byte) || byte === 0x2b || byte === 0x2d || byte === 0x2e;
}

function isDigit(byte: number | undefined): boolean {
  return byte !== undefined && byte >= 0x30 && byte <= 0x39;
}

function isSpace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09 || byte === 0x0c || byte === 0;
}

import { constants, inflateSync } from 'node:zlib';
import { decodePDFRawStream, PDFArray, PDFDict, PDFName, type PDFContext, type PDFObject } from 'pdf-lib';
import { entry, pdfNumber, resolvePdf } from './pdf-value-reader.js';

// Abbreviated filter names (ISO 32000-1 Table 94, meant for inline images) that real producers also write
// on ordinary streams and object streams; every viewer accepts them.
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  Fl: 'FlateDecode',
  AHx: 'ASCIIHexDecode',
  A85: 'ASCII85Decode',
  LZW: 'LZWDecode',
  RL: 'RunLengthDecode',
  CCF: 'CCITTFaxDecode',
  DCT: 'DCTDecode',
};
const DECODABLE = new Set(['FlateDecode', 'ASCIIHexDecode', 'ASCII85Decode', 'LZWDecode', 'RunLengthDecode']);

/** A stream's filter chain with abbreviations spelled out, and whether any was abbreviated. */
export interface FilterChain {
  readonly names: readonly string[];
  readonly params: readonly (PDFDict | undefined)[];
  readonly abbreviated: boolean;
}

/** Reads /Filter and /DecodeParms (name or array), spelling out abbreviated names. */
export function filterChain(context: PDFContext, dict: PDFDict): FilterChain {
  const filter = resolvePdf(context, entry(dict, 'Filter') ?? entry(dict, 'F'));
  const params = resolvePdf(context, entry(dict, 'DecodeParms') ?? entry(dict, 'DP'));
  const items: (PDFObject | undefined)[] = filter instanceof PDFArray ? filter.asArray() : [filter];
  const paramItems: (PDFObject | undefined)[] = params instanceof PDFArray ? params.asArray() : [params];
  let abbreviated = false;
  const names: string[] = [];
  const decodeParams: (PDFDict | undefined)[] = [];
  items.forEach((item, index) => {
    const resolved = resolvePdf(context, item);
    if (resolved === undefined) return;
    const raw = resolved instanceof PDFName ? resolved.decodeText() : '?';
    const full = ABBREVIATIONS[raw];
    if (full !== undefined) abbreviated = true;
    names.push(full ?? raw);
    const param = resolvePdf(context, paramItems[index]);
    decodeParams.push(param instanceof PDFDict ? param : undefined);
  });
  return { names, params: decodeParams, abbreviated };
}

/** Decoded bytes (possibly cut at the cap), or why there are none. */
export type DecodeResult =
  | {
      readonly ok: true;
      readonly bytes: Uint8Array;
      /** False when the output was cut at the cap. */
      readonly complete: boolean;
      /** Filters left to apply (e.g. ['DCTDecode'] for a JPEG image), in order. */
      readonly remaining: readonly string[];
    }
  | { readonly ok: false; readonly reason: 'unsupported' | 'unreadable' };

/**
 * Decodes the general-purpose filters of a chain (Flate, LZW, ASCIIHex, ASCII85, RunLength, with PNG and
 * TIFF predictors) into at most `cap` bytes. Decoding stops at `stopAt` filters (e.g. DCTDecode for a
 * JPEG image, whose bytes are then returned still encoded). Flate goes through zlib with a hard output cap;
 * the rest through pdf-lib's decoders, read only up to the cap. A cut-short result says `complete: false`.
 */
export function decodeStreamData(
  context: PDFContext,
  chain: FilterChain,
  data: Uint8Array,
  cap: number,
  keepPrefix = true,
  /** Decoded size the caller expects (an image's rows); past the cap only a prefix is inflated. */
  expected = 0,
): DecodeResult {
  let bytes = data;
  let complete = true;
  for (let index = 0; index < chain.names.length; index += 1) {
    const name = chain.names[index] ?? '?';
    if (name === '?') return { ok: false, reason: 'unsupported' };
    if (!DECODABLE.has(name)) return { ok: true, bytes, complete, remaining: chain.names.slice(index) };
    const params = chain.params[index];
    try {
      if (name === 'FlateDecode') {
        const result =
          keepPrefix && expected > cap && index === chain.names.length - 1
            ? { bytes: inflatePrefix(bytes, cap), complete: false }
            : inflateCapped(bytes, cap, keepPrefix);
        bytes = result.bytes;
        complete &&= result.complete;
      } else {
        const fake = {
          lookup: (key: PDFName) => {
            if (key === PDFName.of('Filter')) return PDFName.of(name);
            return key === PDFName.of('DecodeParms') ? params : undefined;
          },
        };
        const stream = decodePDFRawStream({ dict: fake, contents: bytes } as unknown as Parameters<
          typeof decodePDFRawStream
        >[0]);
        const out = stream.getBytes(cap + 1);
        complete &&= out.length <= cap;
        bytes = new Uint8Array(out.buffer, out.byteOffset, Math.min(out.length, cap));
      }
    } catch {
      return { ok: false, reason: 'unreadable' };
    }
    const predictor = params === undefined ? undefined : pdfNumber(context, entry(params, 'Predictor'));
    if (params !== undefined && predictor !== undefined && predictor > 1) {
      const columns = pdfNumber(context, entry(params, 'Columns')) ?? 1;
      const colors = pdfNumber(context, entry(params, 'Colors')) ?? 1;
      const bits = pdfNumber(context, entry(params, 'BitsPerComponent')) ?? 8;
      const undone = undoPredictor(bytes, predictor, columns, colors, bits);
      if (undone === undefined) return { ok: false, reason: 'unreadable' };
      bytes = undone;
    }
  }
  return { ok: true, bytes, complete, remaining: [] };
}

function inflateCapped(
  data: Uint8Array,
  cap: number,
  keepPrefix: boolean,
): { bytes: Uint8Array; complete: boolean } {
  try {
    // Sync flush tolerates a missing end-of-stream marker, as viewers do.
    const bytes = inflateSync(data, { maxOutputLength: cap, finishFlush: constants.Z_SYNC_FLUSH });
    return { bytes, complete: true };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    // Over the cap: keep the first `cap` bytes (enough to look at) by inflating in a bounded stream.
    return { bytes: keepPrefix ? inflatePrefix(data, cap) : new Uint8Array(0), complete: false };
  }
}

// Past the cap zlib returns nothing. The first bytes are then inflated from a prefix of the input, grown
// fourfold from the least that could yield them (deflate's ratio is at most 1,032:1): a few cheap passes.
const PREFIX_BYTES = 4 * 1024 * 1024;
const MAX_DEFLATE_RATIO = 1032;

function inflatePrefix(data: Uint8Array, cap: number): Uint8Array {
  const target = Math.min(cap, PREFIX_BYTES);
  let best: Uint8Array = new Uint8Array(0);
  for (let take = Math.ceil(target / MAX_DEFLATE_RATIO); ; take *= 4) {
    try {
      best = inflateSync(data.subarray(0, take), {
        maxOutputLength: target * 4,
        finishFlush: constants.Z_SYNC_FLUSH,
      });
    } catch {
      return best;
    }
    if (best.length >= target || take >= data.length) return best.subarray(0, Math.min(best.length, target));
  }
}

/** Reverses PNG (10–15) and TIFF (2) predictors; undefined when the data does not fit the row layout. */
function undoPredictor(
  data: Uint8Array,
  predictor: number,
  columns: number,
  colors: number,
  bits: number,
): Uint8Array | undefined {
  const pixelBytes = Math.max(1, Math.ceil((colors * bits) / 8));
  const rowBytes = Math.ceil((columns * colors * bits) / 8);
  if (rowBytes <= 0 || !Number.isFinite(rowBytes)) return undefined;
  if (predictor === 2) {
    if (bits !== 8) return data;
    const out = new Uint8Array(data);
    for (let row = 0; row + rowBytes <= out.length; row += rowBytes)
      for (let at = row + pixelBytes; at < row + rowBytes; at += 1)
        out[at] = ((out[at] ?? 0) + (out[at - pixelBytes] ?? 0)) & 0xff;
    return out;
  }
  if (predictor < 10) return data;
  const rows = Math.floor(data.length / (rowBytes + 1));
  const out = new Uint8Array(rows * rowBytes);
  for (let row = 0; row < rows; row += 1) {
    const type = data[row * (rowBytes + 1)] ?? 0;
    const src = row * (rowBytes + 1) + 1;
    const dst = row * rowBytes;
    for (let index = 0; index < rowBytes; index += 1) {
      const raw = data[src + index] ?? 0;
      const left = index >= pixelBytes ? (out[dst + index - pixelBytes] ?? 0) : 0;
      const up = row > 0 ? (out[dst - rowBytes + index] ?? 0) : 0;
      const upLeft = row > 0 && index >= pixelBytes ? (out[dst - rowBytes + index - pixelBytes] ?? 0) : 0;
      let value = raw;
      if (type === 1) value = raw + left;
      else if (type === 2) value = raw + up;
      else if (type === 3) value = raw + ((left + up) >> 1);
      else if (type === 4) value = raw + paeth(left, up, upLeft);
      out[dst + index] = value & 0xff;
    }
  }
  return out;
}

function paeth(left: number, up: number, upLeft: number): number {
  const estimate = left + up - upLeft;
  const toLeft = Math.abs(estimate - left);
  const toUp = Math.abs(estimate - up);
  const toUpLeft = Math.abs(estimate - upLeft);
  if (toLeft <= toUp && toLeft <= toUpLeft) return left;
  return toUp <= toUpLeft ? up : upLeft;
}

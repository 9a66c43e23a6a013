import { constants, inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFName, type PDFRawStream } from 'pdf-lib';

/** An object stream's decoded bytes, or why there are none. */
export type InflateResult =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly reason: 'over_budget' | 'unreadable' };

/**
 * Decodes an object stream with zlib under a hard output cap, instead of with pdf-lib's uncapped decoder:
 * a 1 MB stream of zeros would otherwise become a gigabyte in memory. Only unfiltered and plain FlateDecode
 * streams are read — what every producer writes; anything else (or encrypted data) is "unreadable".
 */
export function inflateObjectStream(stream: PDFRawStream, room: number): InflateResult {
  const filter = stream.dict.get(PDFName.of('Filter'));
  const filters = filter instanceof PDFName ? [filter] : filter instanceof PDFArray ? filter.asArray() : [];
  if (filter !== undefined && filters.length === 0) return { ok: false, reason: 'unreadable' };
  if (filters.length === 0) {
    return stream.contents.length <= room
      ? { ok: true, bytes: stream.contents }
      : { ok: false, reason: 'over_budget' };
  }
  const params = stream.dict.get(PDFName.of('DecodeParms'));
  const predicted = params instanceof PDFDict && params.get(PDFName.of('Predictor')) !== undefined;
  if (filters.length > 1 || filters[0] !== PDFName.of('FlateDecode') || predicted)
    return { ok: false, reason: 'unreadable' };
  try {
    // Sync flush tolerates a missing end-of-stream marker, as pdf-lib's own decoder does.
    return {
      ok: true,
      bytes: inflateSync(stream.contents, { maxOutputLength: room, finishFlush: constants.Z_SYNC_FLUSH }),
    };
  } catch (error) {
    // zlib signals "more output than maxOutputLength" with a RangeError; anything else is corrupt data.
    return { ok: false, reason: error instanceof RangeError ? 'over_budget' : 'unreadable' };
  }
}

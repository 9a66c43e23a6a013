import type { PDFContext, PDFRawStream } from 'pdf-lib';
import { decodeStreamData, filterChain } from './pdf-stream-decoder.js';

/** An object stream's decoded bytes, or why there are none; `abbreviated` when a filter name was short. */
export type InflateResult =
  | { readonly ok: true; readonly bytes: Uint8Array; readonly abbreviated: boolean }
  | { readonly ok: false; readonly reason: 'over_budget' | 'unreadable' };

/**
 * Decodes an object stream under a hard output cap, instead of with pdf-lib's uncapped decoder: a 1 MB
 * stream of zeros would otherwise become a gigabyte in memory. Flate (through zlib), LZW, ASCIIHex,
 * ASCII85 and RunLength are read, also under their abbreviated names (/Fl, /AHx…) and with predictors;
 * anything else (or encrypted data) is "unreadable".
 */
export function inflateObjectStream(context: PDFContext, stream: PDFRawStream, room: number): InflateResult {
  const chain = filterChain(context, stream.dict);
  if (chain.names.length === 0) {
    return stream.contents.length <= room
      ? { ok: true, bytes: stream.contents, abbreviated: false }
      : { ok: false, reason: 'over_budget' };
  }
  const decoded = decodeStreamData(context, chain, stream.contents, room, false);
  if (!decoded.ok || decoded.remaining.length > 0) return { ok: false, reason: 'unreadable' };
  if (!decoded.complete) return { ok: false, reason: 'over_budget' };
  return { ok: true, bytes: decoded.bytes, abbreviated: chain.abbreviated };
}

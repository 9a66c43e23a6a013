import type { PdfRepair } from '../domain/problem-codes.js';

// Readers look for the end-of-file marker in the last 1,024 bytes (ISO 32000-1 §7.5.5 implementation note).
const EOF_WINDOW = 1024;
const EOF_MARKER = Buffer.from('%%EOF', 'latin1');
const HEADER = Buffer.from('%PDF-', 'latin1');
const STARTXREF = Buffer.from('startxref', 'latin1');
const TRAILER = Buffer.from('trailer', 'latin1');
// Checking every entry of a huge table is pointless: a few thousand say whether it is right.
const MAX_XREF_ENTRIES = 5000;
const TRAILER_WINDOW = 4096;

/** True when the end-of-file marker is missing from the last kilobyte (the end may have been cut off). */
export function endMarkerMissing(buffer: Buffer): boolean {
  return buffer.subarray(Math.max(0, buffer.length - EOF_WINDOW)).indexOf(EOF_MARKER) < 0;
}

/**
 * What a viewer has to rebuild before it can read this file: junk before `%PDF-`, a missing or wrong
 * `startxref` or cross-reference table (the objects are then found by scanning for `N 0 obj`), a missing
 * trailer, abbreviated filter names, a missing `%%EOF`. Linear in the file size, bounded per check.
 */
export function findRepairs(
  buffer: Buffer,
  found: { readonly xrefStreamTrailer: boolean; readonly abbreviatedFilters: boolean },
): PdfRepair[] {
  const repairs: PdfRepair[] = [];
  const header = buffer.indexOf(HEADER);
  if (header > 0) repairs.push('header');
  if (!crossReferenceIsSound(buffer, Math.max(0, header))) repairs.push('xref');
  if (!found.xrefStreamTrailer && !hasTrailerWithRoot(buffer)) repairs.push('trailer');
  if (found.abbreviatedFilters) repairs.push('filter_names');
  if (endMarkerMissing(buffer)) repairs.push('end_marker');
  return repairs;
}

function crossReferenceIsSound(buffer: Buffer, header: number): boolean {
  const at = buffer.lastIndexOf(STARTXREF);
  if (at < 0) return false;
  const match = /^startxref\s+(\d{1,12})/.exec(buffer.toString('latin1', at, at + 40));
  if (match === null) return false;
  const offset = Number(match[1]);
  // Offsets count from the file's start; some writers count from the header instead: both are read.
  return [0, header].some((shift) => sectionIsSound(buffer, offset + shift, shift));
}

function sectionIsSound(buffer: Buffer, start: number, shift: number): boolean {
  if (start <= 0 || start >= buffer.length) return false;
  const head = buffer.toString('latin1', start, start + 64);
  if (/^\d+\s+\d+\s+obj\b/.test(head)) {
    // A cross-reference stream: trust it when it is one (its entries are binary and compressed).
    return buffer.toString('latin1', start, start + 512).includes('/XRef');
  }
  if (!head.startsWith('xref')) return false;
  return tableEntriesPointAtObjects(buffer, start + 4, shift);
}

function tableEntriesPointAtObjects(buffer: Buffer, from: number, shift: number): boolean {
  const text = buffer.toString('latin1', from, Math.min(buffer.length, from + 20 * MAX_XREF_ENTRIES + 4096));
  const subsection = /\s*(\d+)\s+(\d+)\s*[\r\n]+/y;
  const row = /(\d{10}) (\d{5}) ([nf])\s{1,2}/y;
  let at = 0;
  let checked = 0;
  for (;;) {
    subsection.lastIndex = at;
    const head = subsection.exec(text);
    if (head === null) break;
    let number = Number(head[1]);
    const count = Number(head[2]);
    at = subsection.lastIndex;
    for (let index = 0; index < count && checked < MAX_XREF_ENTRIES; index += 1, number += 1) {
      row.lastIndex = at;
      const entry = row.exec(text);
      if (entry === null) return false;
      at = row.lastIndex;
      checked += 1;
      if (entry[3] === 'n' && !objectHeaderAt(buffer, Number(entry[1]) + shift, number)) return false;
    }
    if (checked >= MAX_XREF_ENTRIES) return true;
  }
  return checked > 0;
}

function objectHeaderAt(buffer: Buffer, offset: number, number: number): boolean {
  if (offset <= 0 || offset >= buffer.length) return false;
  const match = /^\s*(\d+)\s+\d+\s+obj/.exec(buffer.toString('latin1', offset, offset + 32));
  return match !== null && Number(match[1]) === number;
}

function hasTrailerWithRoot(buffer: Buffer): boolean {
  const at = buffer.lastIndexOf(TRAILER);
  if (at < 0) return false;
  return /^trailer\s*<<[\s\S]*\/Root\s*\d+\s+\d+\s+R/.test(
    buffer.toString('latin1', at, at + TRAILER_WINDOW),
  );
}

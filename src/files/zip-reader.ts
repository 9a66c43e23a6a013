import { inflateRawSync } from 'node:zlib';
import type { ZipFault } from '../domain/zip-fault.js';
import { crc32 } from './crc32-checksum.js';
import { decodeZipEntryName } from './zip-entry-name-decoder.js';

/** Bounds that keep a hostile archive (zip bomb, overlapping entries, lying sizes) cheap to refuse. */
export interface ZipLimits {
  readonly maxEntries: number;
  readonly maxEntryBytes: number;
  readonly maxTotalBytes: number;
}

/** Defaults sized for a bulk check of a few thousand ~100 KB PDFs. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = Object.freeze({
  maxEntries: 10_000,
  maxEntryBytes: 32 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
});

/** One file entry: its bytes, or why it could not be extracted. */
export type ZipEntryResult =
  | { readonly ok: true; readonly name: string; readonly bytes: Uint8Array }
  | {
      readonly ok: false;
      readonly name: string;
      readonly fault: ZipFault;
      readonly measured?: number;
      readonly limit?: number;
    };

/** An opened archive whose entries are extracted one at a time, or why it cannot be opened. */
export type ZipOpenResult =
  | { readonly ok: true; readonly entryCount: number; readonly entries: () => Generator<ZipEntryResult> }
  | { readonly ok: false; readonly fault: ZipFault; readonly measured?: number; readonly limit?: number };

interface CentralEntry {
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
  dataStart: number;
}

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

class ZipFormatError extends Error {
  override readonly name = 'ZipFormatError';
}

/**
 * Opens a ZIP from its central directory. Only stored and deflated entries are extracted; every size is
 * checked against the limits before anything is inflated, and inflation stops at the declared size.
 */
export function openZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipOpenResult {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let central: CentralEntry[];
  try {
    const directory = readEndOfCentralDirectory(view);
    if (directory.count > limits.maxEntries)
      return { ok: false, fault: 'too_many_entries', measured: directory.count, limit: limits.maxEntries };
    central = readCentralDirectory(bytes, view, directory);
  } catch (error) {
    if (error instanceof ZipFormatError || error instanceof RangeError)
      return { ok: false, fault: 'damaged' };
    throw error;
  }
  const files = central.filter((item) => !item.name.endsWith('/'));
  const total = files.reduce((sum, item) => sum + item.size, 0);
  if (total > limits.maxTotalBytes)
    return { ok: false, fault: 'too_large', measured: total, limit: limits.maxTotalBytes };
  if (hasOverlap(central)) return { ok: false, fault: 'damaged' };
  return { ok: true, entryCount: files.length, entries: () => extractAll(bytes, files, limits) };
}

function* extractAll(
  bytes: Uint8Array,
  files: readonly CentralEntry[],
  limits: ZipLimits,
): Generator<ZipEntryResult> {
  for (const item of files) yield extract(bytes, item, limits);
}

function extract(bytes: Uint8Array, item: CentralEntry, limits: ZipLimits): ZipEntryResult {
  const name = item.name;
  if (isUnsafePath(name)) return { ok: false, name, fault: 'unsafe_path' };
  if ((item.flags & 1) !== 0 || item.method === 99) return { ok: false, name, fault: 'encrypted' };
  if (item.method !== 0 && item.method !== 8)
    return { ok: false, name, fault: 'unsupported', measured: item.method };
  if (item.size > limits.maxEntryBytes)
    return { ok: false, name, fault: 'too_large', measured: item.size, limit: limits.maxEntryBytes };
  const raw = bytes.subarray(item.dataStart, item.dataStart + item.compressedSize);
  let data: Uint8Array;
  if (item.method === 0) {
    if (item.compressedSize !== item.size) return { ok: false, name, fault: 'damaged' };
    data = raw;
  } else {
    try {
      // Never more than the entry claims: a bomb that lies about its size stops here at the claim.
      data = inflateRawSync(raw, { maxOutputLength: Math.max(1, item.size) });
    } catch (error) {
      const tooLarge = error instanceof RangeError;
      return {
        ok: false,
        name,
        fault: tooLarge ? 'too_large' : 'damaged',
        ...(tooLarge ? { measured: item.size + 1, limit: item.size } : {}),
      };
    }
  }
  if (data.length !== item.size || crc32(data) !== item.crc) return { ok: false, name, fault: 'damaged' };
  return { ok: true, name, bytes: data };
}

/** True for names that could escape a target folder if ever extracted: absolute, drive, "..", NUL. */
export function isUnsafePath(name: string): boolean {
  if (name.includes('\0') || /^[/\\]/.test(name) || /^[A-Za-z]:/.test(name)) return true;
  return name.split(/[/\\]/).some((segment) => segment === '..');
}

function readEndOfCentralDirectory(view: DataView): { count: number; size: number; offset: number } {
  const stop = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= stop; at -= 1) {
    if (view.getUint32(at, true) !== EOCD) continue;
    if (view.getUint16(at + 4, true) !== 0 || view.getUint16(at + 6, true) !== 0)
      throw new ZipFormatError('multi-disk');
    let count = view.getUint16(at + 10, true);
    let size = view.getUint32(at + 12, true);
    let offset = view.getUint32(at + 16, true);
    if (
      (count === 0xffff || offset === 0xffffffff) &&
      at >= 20 &&
      view.getUint32(at - 20, true) === EOCD64_LOCATOR
    ) {
      const record = Number(view.getBigUint64(at - 12, true));
      if (view.getUint32(record, true) !== EOCD64) throw new ZipFormatError('zip64 record');
      count = Number(view.getBigUint64(record + 32, true));
      size = Number(view.getBigUint64(record + 40, true));
      offset = Number(view.getBigUint64(record + 48, true));
    }
    if (offset + size > view.byteLength) throw new ZipFormatError('central directory out of bounds');
    return { count, size, offset };
  }
  throw new ZipFormatError('no end of central directory');
}

function readCentralDirectory(
  bytes: Uint8Array,
  view: DataView,
  directory: { count: number; offset: number },
): CentralEntry[] {
  const entries: CentralEntry[] = [];
  let at = directory.offset;
  for (let index = 0; index < directory.count; index += 1) {
    if (view.getUint32(at, true) !== CENTRAL) throw new ZipFormatError('central header');
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const rawName = bytes.subarray(at + 46, at + 46 + nameLength);
    const extra = bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    if (rawName.length !== nameLength || extra.length !== extraLength)
      throw new ZipFormatError('truncated header');
    const sizes = zip64Sizes(view, at + 46 + nameLength, extraLength, {
      size: view.getUint32(at + 24, true),
      compressedSize: view.getUint32(at + 20, true),
      localOffset: view.getUint32(at + 42, true),
    });
    const entry: CentralEntry = {
      name: decodeZipEntryName(rawName, flags, extra).normalize('NFC'),
      flags,
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      ...sizes,
      dataStart: 0,
    };
    if (view.getUint32(entry.localOffset, true) !== LOCAL) throw new ZipFormatError('local header');
    entry.dataStart =
      entry.localOffset +
      30 +
      view.getUint16(entry.localOffset + 26, true) +
      view.getUint16(entry.localOffset + 28, true);
    if (entry.dataStart + entry.compressedSize > directory.offset)
      throw new ZipFormatError('entry data out of bounds');
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

// Zip64 stores the real value of each 32-bit field set to 0xFFFFFFFF in extra field 0x0001, in this order.
function zip64Sizes(
  view: DataView,
  extraStart: number,
  extraLength: number,
  sizes: { size: number; compressedSize: number; localOffset: number },
) {
  const result = { ...sizes };
  for (let at = extraStart; at + 4 <= extraStart + extraLength; at += 4 + view.getUint16(at + 2, true)) {
    if (view.getUint16(at, true) !== 0x0001) continue;
    let field = at + 4;
    for (const key of ['size', 'compressedSize', 'localOffset'] as const) {
      if (result[key] !== 0xffffffff) continue;
      result[key] = Number(view.getBigUint64(field, true));
      field += 8;
    }
  }
  return result;
}

// Two central entries sharing local data is how "overlapping" zip bombs amplify a small file.
function hasOverlap(entries: readonly CentralEntry[]): boolean {
  const sorted = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  for (let index = 1; index < sorted.length; index += 1) {
    const previous = sorted[index - 1];
    const current = sorted[index];
    if (previous && current && previous.dataStart + previous.compressedSize > current.localOffset)
      return true;
  }
  return false;
}

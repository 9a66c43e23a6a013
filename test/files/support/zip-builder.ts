import { deflateRawSync } from 'node:zlib';
import { crc32 } from '../../../src/files/crc32-checksum.js';

/** One entry of a hand-built ZIP; the optional fields let a test forge what real tools never write. */
export interface ZipEntrySpec {
  /** Entry name, written as UTF-8 unless `rawName` is given. */
  readonly name: string;
  readonly data: Uint8Array;
  readonly method?: 0 | 8 | 12;
  /** General-purpose flags; 0x0800 (UTF-8 name) is added for non-ASCII names unless `rawName` is set. */
  readonly flags?: number;
  /** Name bytes as written, e.g. CP437. */
  readonly rawName?: Uint8Array;
  /** Lie about the uncompressed size (zip bombs). */
  readonly declaredSize?: number;
  /** Already-compressed data to store instead of compressing `data`. */
  readonly compressed?: Uint8Array;
  readonly crc?: number;
  readonly extra?: Uint8Array;
  /** Point the central entry at another entry's local header (overlapping-entry bombs). */
  readonly localOffsetOf?: number;
}

/** Builds a ZIP archive in memory with a local header per entry and a central directory. */
export function buildZip(entries: readonly ZipEntrySpec[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const entry of entries) {
    const method = entry.method ?? 8;
    const nameBytes = entry.rawName ? Buffer.from(entry.rawName) : Buffer.from(entry.name, 'utf8');
    const nonAscii = !entry.rawName && /[^\x20-\x7e]/.test(entry.name);
    const flags = (entry.flags ?? 0) | (nonAscii ? 0x0800 : 0);
    const body = entry.compressed
      ? Buffer.from(entry.compressed)
      : method === 8
        ? deflateRawSync(entry.data)
        : Buffer.from(entry.data);
    const size = entry.declaredSize ?? entry.data.length;
    const crc = entry.crc ?? crc32(entry.data);
    const extra = Buffer.from(entry.extra ?? new Uint8Array());
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(extra.length, 28);
    offsets.push(offset);
    const localRecord = Buffer.concat([local, nameBytes, extra, body]);
    locals.push(localRecord);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(
      entry.localOffsetOf === undefined ? offset : (offsets[entry.localOffsetOf] ?? 0),
      42,
    );
    centrals.push(Buffer.concat([central, nameBytes, extra]));
    offset += localRecord.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** An Info-ZIP Unicode Path extra field (0x7075) carrying `name` for the raw header name `raw`. */
export function unicodePathExtra(raw: Uint8Array, name: string): Uint8Array {
  const utf8 = Buffer.from(name, 'utf8');
  const field = Buffer.alloc(9);
  field.writeUInt16LE(0x7075, 0);
  field.writeUInt16LE(5 + utf8.length, 2);
  field.writeUInt8(1, 4);
  field.writeUInt32LE(crc32(raw), 5);
  return new Uint8Array(Buffer.concat([field, utf8]));
}

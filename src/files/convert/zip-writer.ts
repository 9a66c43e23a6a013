import { crc32 } from '../crc32-checksum.js';

/** One file to put in an archive. */
export interface ZipFileEntry {
  readonly name: string;
  readonly bytes: Uint8Array;
}

// DOS date 1 Jan 2000 00:00: the same files always make the same archive.
const DOS_TIME = 0;
const DOS_DATE = (20 << 9) | (1 << 5) | 1;

/**
 * The fields a local header and its central-directory record both carry, in the same order from `at`:
 * version needed, flags (UTF-8 name), method (stored), time, date, CRC, both sizes, name length.
 * The extra-field length after them stays 0 (the buffers are zero-filled).
 */
function writeEntryFields(header: Buffer, at: number, crc: number, size: number, nameLength: number): void {
  header.writeUInt16LE(20, at);
  header.writeUInt16LE(0x0800, at + 2);
  header.writeUInt16LE(0, at + 4);
  header.writeUInt16LE(DOS_TIME, at + 6);
  header.writeUInt16LE(DOS_DATE, at + 8);
  header.writeUInt32LE(crc, at + 10);
  header.writeUInt32LE(size, at + 14);
  header.writeUInt32LE(size, at + 18);
  header.writeUInt16LE(nameLength, at + 22);
}

/**
 * Writes a ZIP of stored (uncompressed) entries with UTF-8 names: the PDFs inside are already
 * compressed JPEG, so deflating them again would cost time and save nothing.
 */
export function writeZip(entries: readonly ZipFileEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name.normalize('NFC'), 'utf8');
    const crc = crc32(entry.bytes);
    const size = entry.bytes.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeEntryFields(local, 4, crc, size, name.length);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    writeEntryFields(central, 6, crc, size, name.length);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(entry.bytes));
    centrals.push(central, name);
    offset += 30 + name.length + size;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

import * as zlib from 'node:zlib';

// zlib.crc32 arrived in Node 20.15; package.json allows 20.11, so keep a table-driven fallback.
const native = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
let table: Uint32Array | undefined;

/** CRC-32 (the ZIP/PNG polynomial) of `data`, as an unsigned 32-bit number. */
export function crc32(data: Uint8Array): number {
  if (native !== undefined) return native(data) >>> 0;
  table ??= buildTable();
  let crc = 0xffffffff;
  for (const byte of data) crc = (table[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function buildTable(): Uint32Array {
  const result = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    result[n] = c >>> 0;
  }
  return result;
}

import { promisify } from 'node:util';
import { deflate } from 'node:zlib';

// The charts are encoded here rather than by the canvas: an opaque RGB PNG (no alpha channel) whose
// compressed pixel data a PDF can take as it is (FlateDecode with the PNG predictor), so the evening PDF
// embeds each chart without decoding and re-compressing it. Skia's encoder writes RGBA and costs about
// twice as much on a phone-sized chart; rows are written unfiltered, which flat chart colours compress
// well (smaller than Skia's output at level 3).

const deflateAsync = promisify(deflate);
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(parts: readonly Uint8Array[]): number {
  let crc = 0xffffffff;
  for (const bytes of parts) {
    for (let i = 0; i < bytes.length; i++)
      crc = (CRC_TABLE[(crc ^ (bytes[i] ?? 0)) & 0xff] ?? 0) ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc32([head.subarray(4), data]), 0);
  return Buffer.concat([head, data, tail]);
}

/**
 * An 8-bit RGB PNG from RGBA pixels (row-major, 4 bytes a pixel). Pixels that are not opaque are laid on
 * white, the charts' own background, so a chart never turns black in a viewer that drops the alpha.
 */
export async function encodeRgbPng(rgba: Uint8Array, width: number, height: number): Promise<Buffer> {
  if (rgba.length < width * height * 4)
    throw new RangeError('encodeRgbPng: fewer pixels than width × height');
  const stride = 1 + width * 3;
  const rows = scratch(height * stride);
  try {
    // One 32-bit read per pixel (0xAABBGGRR: the canvas binaries exist only for little-endian CPUs).
    const aligned = rgba.byteOffset % 4 === 0 ? rgba : rgba.slice();
    const words = new Uint32Array(aligned.buffer, aligned.byteOffset, width * height);
    for (let y = 0, out = 0, pixel = 0; y < height; y++) {
      rows[out++] = 0; // filter: none
      for (let x = 0; x < width; x++, pixel++) {
        const word = words[pixel] ?? 0;
        const alpha = word >>> 24;
        if (alpha === 255) {
          rows[out++] = word & 0xff;
          rows[out++] = (word >>> 8) & 0xff;
          rows[out++] = (word >>> 16) & 0xff;
        } else {
          const white = 255 - alpha;
          rows[out++] = Math.round(((word & 0xff) * alpha) / 255 + white);
          rows[out++] = Math.round((((word >>> 8) & 0xff) * alpha) / 255 + white);
          rows[out++] = Math.round((((word >>> 16) & 0xff) * alpha) / 255 + white);
        }
      }
    }
    const header = Buffer.alloc(13);
    header.writeUInt32BE(width, 0);
    header.writeUInt32BE(height, 4);
    header[8] = 8; // bits per sample
    header[9] = 2; // colour type: RGB
    // compression 0, filter method 0, no interlace: the bytes after are zero
    const idat = await deflateAsync(rows.subarray(0, height * stride), { level: 3 });
    return Buffer.concat([
      SIGNATURE,
      chunk('IHDR', header),
      chunk('IDAT', idat),
      chunk('IEND', new Uint8Array()),
    ]);
  } finally {
    release(rows);
  }
}

// One reusable row buffer (a phone-sized chart's rows are ~6 MB): a fresh one per chart kept the garbage
// collector busy through the PDF assembly that follows. A second chart encoded meanwhile gets its own.
let spare: Buffer | null = null;

function scratch(size: number): Buffer {
  const buffer = spare && spare.length >= size ? spare : Buffer.allocUnsafe(size);
  if (buffer === spare) spare = null;
  return buffer;
}

function release(buffer: Buffer): void {
  if (!spare || buffer.length > spare.length) spare = buffer;
}

/** An 8-bit, non-interlaced RGB PNG's size and its compressed pixel data, as a PDF can embed them. */
export interface RgbPngData {
  readonly width: number;
  readonly height: number;
  /** The IDAT chunks' zlib stream, rows still carrying their PNG filter bytes. */
  readonly zlib: Buffer;
}

/** Reads an RGB PNG that a PDF can take unchanged; null for any other kind (RGBA, palette, 16-bit, interlaced). */
export function readRgbPng(png: Buffer): RgbPngData | null {
  if (png.length < 33 || !png.subarray(0, 8).equals(SIGNATURE)) return null;
  let width = 0;
  let height = 0;
  const parts: Buffer[] = [];
  for (let at = 8; at + 8 <= png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (data.length !== length) return null;
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const [depth, colour, compression, filter, interlace] = [
        data[8],
        data[9],
        data[10],
        data[11],
        data[12],
      ];
      if (depth !== 8 || colour !== 2 || compression !== 0 || filter !== 0 || interlace !== 0) return null;
    } else if (type === 'IDAT') {
      parts.push(data);
    } else if (type === 'tRNS' || type === 'PLTE') {
      return null;
    } else if (type === 'IEND') {
      break;
    }
    at += 12 + length;
  }
  return width > 0 && parts.length > 0 ? { width, height, zlib: Buffer.concat(parts) } : null;
}

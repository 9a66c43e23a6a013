/**
 * The 8×8 block means of a baseline JPEG, read from its Huffman-coded data without any inverse DCT: a
 * block's DC coefficient is its mean, so the blocks form a picture at one eighth of the resolution. Blocks
 * with strong AC coefficients (edges, strokes) are flagged as textured. Progressive, arithmetic-coded and
 * other rare JPEGs give undefined; the caller then falls back to a byte-level heuristic.
 */
export interface JpegBlocks {
  /** Blocks across and down (of the first component, at full MCU coverage). */
  readonly width: number;
  readonly height: number;
  /** Packed 0xRRGGBB of the block's mean colour. */
  rgb(x: number, y: number): number;
  /** True when the block has edges (strong AC energy). */
  textured(x: number, y: number): boolean;
}

interface Component {
  readonly id: number;
  readonly h: number;
  readonly v: number;
  readonly quant: number;
  dcTable: number;
  acTable: number;
  blocksX: number;
  blocksY: number;
  dc?: Int16Array;
  ac?: Uint8Array;
  prediction: number;
}

interface Huffman {
  readonly maxCode: Int32Array;
  readonly valPtr: Int32Array;
  readonly minCode: Int32Array;
  readonly values: Uint8Array;
}

// AC energy (dequantized, summed) above which a block counts as having an edge: a paper grain or JPEG
// ringing stays far below it, a pen stroke or a printed letter far above.
const TEXTURE_ENERGY = 240;
const MAX_BLOCKS = 4_000_000;

class JpegEnd extends Error {
  override readonly name = 'JpegEnd';
}

/** Decodes the block means of a baseline (SOF0/SOF1) Huffman JPEG; undefined for anything else. */
export function readJpegBlocks(data: Uint8Array): JpegBlocks | undefined {
  if (data[0] !== 0xff || data[1] !== 0xd8) return undefined;
  const quant = new Map<number, number>();
  const tables = new Map<number, Huffman>();
  let components: Component[] = [];
  let width = 0;
  let height = 0;
  let restart = 0;
  let at = 2;
  while (at + 4 <= data.length) {
    if (data[at] !== 0xff) return undefined;
    const marker = data[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    const length = ((data[at + 2] ?? 0) << 8) | (data[at + 3] ?? 0);
    const body = at + 4;
    const end = at + 2 + length;
    if (length < 2 || end > data.length) return undefined;
    if (marker === 0xdb) {
      for (let p = body; p < end;) {
        const precision = (data[p] ?? 0) >> 4;
        quant.set(
          (data[p] ?? 0) & 15,
          precision === 0 ? (data[p + 1] ?? 1) : ((data[p + 1] ?? 0) << 8) | (data[p + 2] ?? 1),
        );
        p += 1 + (precision === 0 ? 64 : 128);
      }
    } else if (marker === 0xc4) {
      for (let p = body; p < end;) {
        const key = data[p] ?? 0;
        const counts = data.subarray(p + 1, p + 17);
        const total = counts.reduce((sum, count) => sum + count, 0);
        tables.set(key, buildHuffman(counts, data.subarray(p + 17, p + 17 + total)));
        p += 17 + total;
      }
    } else if (marker === 0xc0 || marker === 0xc1) {
      height = ((data[body + 1] ?? 0) << 8) | (data[body + 2] ?? 0);
      width = ((data[body + 3] ?? 0) << 8) | (data[body + 4] ?? 0);
      const count = data[body + 5] ?? 0;
      components = [];
      for (let index = 0; index < count; index += 1) {
        const p = body + 6 + index * 3;
        components.push({
          id: data[p] ?? 0,
          h: Math.max(1, (data[p + 1] ?? 0x11) >> 4),
          v: Math.max(1, (data[p + 1] ?? 0x11) & 15),
          quant: data[p + 2] ?? 0,
          dcTable: 0,
          acTable: 0,
          blocksX: 0,
          blocksY: 0,
          prediction: 0,
        });
      }
    } else if (marker >= 0xc2 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return undefined; // progressive, lossless or arithmetic coding
    } else if (marker === 0xdd) {
      restart = ((data[body] ?? 0) << 8) | (data[body + 1] ?? 0);
    } else if (marker === 0xda) {
      const count = data[body] ?? 0;
      if (width === 0 || height === 0 || components.length === 0) return undefined;
      if (count !== components.length) return undefined; // non-interleaved multi-scan files: rare
      for (let index = 0; index < count; index += 1) {
        const component = components.find((item) => item.id === data[body + 1 + index * 2]);
        if (component === undefined) return undefined;
        const tablesByte = data[body + 2 + index * 2] ?? 0;
        component.dcTable = tablesByte >> 4;
        component.acTable = tablesByte & 15;
      }
      return decodeScan(data, end, width, height, components, tables, quant, restart);
    }
    at = end;
  }
  return undefined;
}

function buildHuffman(counts: Uint8Array, values: Uint8Array): Huffman {
  const maxCode = new Int32Array(18).fill(-1);
  const minCode = new Int32Array(17);
  const valPtr = new Int32Array(17);
  let code = 0;
  let k = 0;
  for (let length = 1; length <= 16; length += 1) {
    const count = counts[length - 1] ?? 0;
    valPtr[length] = k;
    minCode[length] = code;
    code += count;
    k += count;
    maxCode[length] = count > 0 ? code - 1 : -1;
    code <<= 1;
  }
  return { maxCode, minCode, valPtr, values };
}

function decodeScan(
  data: Uint8Array,
  start: number,
  width: number,
  height: number,
  components: Component[],
  tables: Map<number, Huffman>,
  quant: Map<number, number>,
  restart: number,
): JpegBlocks | undefined {
  const hMax = Math.max(...components.map((c) => c.h));
  const vMax = Math.max(...components.map((c) => c.v));
  const single = components.length === 1;
  const mcusX = single ? Math.ceil(width / 8) : Math.ceil(width / (8 * hMax));
  const mcusY = single ? Math.ceil(height / 8) : Math.ceil(height / (8 * vMax));
  let totalBlocks = 0;
  for (const c of components) {
    c.blocksX = single ? mcusX : mcusX * c.h;
    c.blocksY = single ? mcusY : mcusY * c.v;
    totalBlocks += c.blocksX * c.blocksY;
    c.dc = new Int16Array(c.blocksX * c.blocksY);
    c.ac = new Uint8Array(c.blocksX * c.blocksY);
  }
  if (totalBlocks > MAX_BLOCKS) return undefined;
  let pos = start;
  let bitBuffer = 0;
  let bitCount = 0;
  const readBit = (): number => {
    if (bitCount === 0) {
      if (pos >= data.length) throw new JpegEnd();
      let byte = data[pos] ?? 0;
      pos += 1;
      if (byte === 0xff) {
        const next = data[pos] ?? 0;
        if (next === 0) pos += 1;
        else throw new JpegEnd(); // a marker inside the data: the scan ends here
      }
      bitBuffer = byte;
      bitCount = 8;
      byte = 0;
    }
    bitCount -= 1;
    return (bitBuffer >> bitCount) & 1;
  };
  const receive = (length: number): number => {
    let value = 0;
    for (let index = 0; index < length; index += 1) value = (value << 1) | readBit();
    return value < 1 << (length - 1) ? value - (1 << length) + 1 : value;
  };
  const decode = (table: Huffman): number => {
    let code = readBit();
    for (let length = 1; length <= 16; length += 1) {
      if (code <= (table.maxCode[length] ?? -1))
        return table.values[(table.valPtr[length] ?? 0) + code - (table.minCode[length] ?? 0)] ?? 0;
      code = (code << 1) | readBit();
    }
    throw new JpegEnd();
  };
  const block = (c: Component, index: number): void => {
    const dcTable = tables.get(c.dcTable);
    const acTable = tables.get(0x10 | c.acTable);
    if (dcTable === undefined || acTable === undefined) throw new JpegEnd();
    const size = decode(dcTable);
    c.prediction += size === 0 ? 0 : receive(size);
    let energy = 0;
    for (let k = 1; k < 64;) {
      const rs = decode(acTable);
      const run = rs >> 4;
      const size2 = rs & 15;
      if (size2 === 0) {
        if (run !== 15) break;
        k += 16;
        continue;
      }
      k += run;
      energy += Math.abs(receive(size2));
      k += 1;
    }
    if (index >= 0 && c.dc !== undefined && c.ac !== undefined) {
      c.dc[index] = c.prediction;
      c.ac[index] = energy * (quant.get(c.quant) ?? 1) > TEXTURE_ENERGY ? 1 : 0;
    }
  };
  let decoded = 0;
  try {
    for (let my = 0; my < mcusY; my += 1) {
      for (let mx = 0; mx < mcusX; mx += 1) {
        if (restart > 0 && decoded > 0 && decoded % restart === 0) {
          // Restart marker: byte-align, skip RSTn, reset the DC predictions.
          bitCount = 0;
          if (data[pos] === 0xff && (data[pos + 1] ?? 0) >= 0xd0 && (data[pos + 1] ?? 0) <= 0xd7) pos += 2;
          for (const c of components) c.prediction = 0;
        }
        for (const c of components) {
          const h = single ? 1 : c.h;
          const v = single ? 1 : c.v;
          for (let by = 0; by < v; by += 1)
            for (let bx = 0; bx < h; bx += 1) block(c, (my * v + by) * c.blocksX + mx * h + bx);
        }
        decoded += 1;
      }
    }
  } catch (error) {
    if (!(error instanceof JpegEnd)) throw error;
    // A short scan keeps the blocks read so far; the rest stay at the first block's value.
    if (decoded === 0) return undefined;
  }
  const [luma, cb, cr] = components;
  if (luma?.dc === undefined || luma.ac === undefined) return undefined;
  const level = (c: Component, x: number, y: number): number => {
    const cx = Math.min(c.blocksX - 1, Math.floor((x * c.blocksX) / luma.blocksX));
    const cy = Math.min(c.blocksY - 1, Math.floor((y * c.blocksY) / luma.blocksY));
    return ((c.dc?.[cy * c.blocksX + cx] ?? 0) * (quant.get(c.quant) ?? 1)) / 8 + 128;
  };
  const colour = components.length === 3 && cb !== undefined && cr !== undefined;
  return {
    width: luma.blocksX,
    height: luma.blocksY,
    rgb: (x, y) => {
      const yy = level(luma, x, y);
      if (!colour) return packGrey(yy);
      const u = level(cb, x, y) - 128;
      const v = level(cr, x, y) - 128;
      return pack(yy + 1.402 * v, yy - 0.344136 * u - 0.714136 * v, yy + 1.772 * u);
    },
    textured: (x, y) => luma.ac?.[y * luma.blocksX + x] === 1,
  };
}

function clamp(value: number): number {
  return value < 0 ? 0 : value > 255 ? 255 : Math.round(value);
}

function pack(r: number, g: number, b: number): number {
  return (clamp(r) << 16) | (clamp(g) << 8) | clamp(b);
}

function packGrey(value: number): number {
  const v = clamp(value);
  return (v << 16) | (v << 8) | v;
}

import type { RawPage } from './raw-page.js';

// The paper's brightness is estimated on blocks larger than a letter, so ink never sets it.
const BLOCK = 32;
// After dividing by the paper: at or above WHITE is paper (→ white), at or below BLACK is ink (→ black).
// 0.75 rather than 0.82: the grain and shading left on a photographed page turn white instead of a grey
// JPEG must spend bytes on, and OCR reads the pages better for it; ballpoint and print stay far below.
// Not lower (0.7 read a little better still): faded ink and pencil in old books must stay visible.
const WHITE = 0.75;
const BLACK = 0.3;

/** The stretch for each ratio (0–1.023, in thousandths): a smooth curve from ink to paper. */
const STRETCH = (() => {
  const table = new Uint8Array(1024);
  for (let i = 0; i < table.length; i += 1) {
    const t = Math.min(1, Math.max(0, (i / 1000 - BLACK) / (WHITE - BLACK)));
    table[i] = Math.round(255 * (t * t * (3 - 2 * t) * 0.4 + t * 0.6));
  }
  return table;
})();

/**
 * Whitens the paper and darkens the ink. Each pixel is divided by the paper's local brightness (the
 * brightest part of its neighbourhood, so shadows and yellowing cancel out), then stretched: paper turns
 * pure white, which costs JPEG almost nothing, and strokes get their full contrast back.
 */
export function normalizePaper(page: RawPage): Promise<RawPage> {
  const { width, height, channels, data } = page;
  const blocks = paperBlocks(page);
  const out = Buffer.alloc(data.length);
  // The block map is enlarged one row at a time as the pixels are mapped: a full-size paper image made
  // by the image library first cost more than the whole rest of this step.
  const across = horizontalRows(blocks, width);
  const paperRow = new Uint8ClampedArray(width);
  const scaleY = height / blocks.rows;
  for (let y = 0; y < height; y += 1) {
    interpolateRow(across, width, blocks.rows, (y + 0.5) / scaleY - 0.5, paperRow);
    const line = y * width;
    if (channels === 1) {
      for (let x = 0; x < width; x += 1) {
        out[line + x] = LEVELS[((paperRow[x] as number) << 8) | (data[line + x] as number)] as number;
      }
    } else {
      for (let x = 0, at = line * 3; x < width; x += 1, at += 3) {
        const row = (paperRow[x] as number) << 8;
        out[at] = LEVELS[row | (data[at] as number)] as number;
        out[at + 1] = LEVELS[row | (data[at + 1] as number)] as number;
        out[at + 2] = LEVELS[row | (data[at + 2] as number)] as number;
      }
    }
  }
  return Promise.resolve({ width, height, channels, data: out });
}

/**
 * Every output level by paper level (high byte) and pixel level (low byte): the division and the stretch
 * of each pixel become one look-up in a 64 KB table, a few times faster over millions of pixels.
 */
const LEVELS = (() => {
  const table = new Uint8Array(256 * 256);
  for (let level = 0; level < 256; level += 1) {
    const scale = 1000 / Math.max(16, level);
    for (let value = 0; value < 256; value += 1) {
      const ratio = (value * scale) | 0;
      table[(level << 8) | value] = STRETCH[ratio > 1023 ? 1023 : ratio] ?? 255;
    }
  }
  return table;
})();

/** Grey levels of a page (its own data when it is grey already). */
function luminance(page: RawPage): Uint8Array {
  if (page.channels === 1) return page.data;
  const pixels = page.width * page.height;
  const grey = new Uint8Array(pixels);
  const d = page.data;
  for (let i = 0; i < pixels; i += 1) {
    grey[i] = ((d[i * 3] ?? 0) * 77 + (d[i * 3 + 1] ?? 0) * 150 + (d[i * 3 + 2] ?? 0) * 29) >> 8;
  }
  return grey;
}

/** The paper's brightness per block of BLOCK × BLOCK pixels, `columns` × `rows`, row after row. */
interface PaperBlocks {
  readonly columns: number;
  readonly rows: number;
  readonly levels: Uint8Array;
}

/**
 * The paper's brightness by block: the maximum of each block (ink never fills a block), widened to its
 * neighbours (a stamp or a thick title can). It is enlarged smoothly to the page's size as it is used.
 */
function paperBlocks(page: RawPage): PaperBlocks {
  const { width, height } = page;
  const grey = luminance(page);
  const columns = Math.ceil(width / BLOCK);
  const rows = Math.ceil(height / BLOCK);
  const maxima = new Uint8Array(columns * rows);
  for (let y = 0; y < height; y += 1) {
    const row = ((y / BLOCK) | 0) * columns;
    const line = y * width;
    for (let start = 0, cell = row; start < width; start += BLOCK, cell += 1) {
      let best = maxima[cell] as number;
      const end = line + Math.min(width, start + BLOCK);
      for (let at = line + start; at < end; at += 1) {
        const value = grey[at] as number;
        if (value > best) best = value;
      }
      maxima[cell] = best;
    }
  }
  const widened = new Uint8Array(maxima.length);
  for (let r = 0; r < rows; r += 1) {
    for (let c = 0; c < columns; c += 1) {
      let best = 0;
      for (let rr = Math.max(0, r - 1); rr <= Math.min(rows - 1, r + 1); rr += 1)
        for (let cc = Math.max(0, c - 1); cc <= Math.min(columns - 1, c + 1); cc += 1)
          best = Math.max(best, maxima[rr * columns + cc] ?? 0);
      // Grain makes a block's maximum overshoot the paper; averaging with the block's own keeps it close.
      widened[r * columns + c] = (best + (maxima[r * columns + c] ?? 0)) >> 1;
    }
  }
  return { columns, rows, levels: widened };
}

/** Catmull-Rom weights (the image library's "cubic") for a sample `t` (0–1) past the second of four. */
function cubicWeights(t: number): [number, number, number, number] {
  const t2 = t * t;
  const t3 = t2 * t;
  return [
    -0.5 * t3 + t2 - 0.5 * t,
    1.5 * t3 - 2.5 * t2 + 1,
    -1.5 * t3 + 2 * t2 + 0.5 * t,
    0.5 * t3 - 0.5 * t2,
  ];
}

/** Each block row enlarged across to `width` pixels (centres aligned, edges repeated). */
function horizontalRows(blocks: PaperBlocks, width: number): Float32Array {
  const { columns, rows, levels } = blocks;
  const out = new Float32Array(rows * width);
  const scale = width / columns;
  for (let x = 0; x < width; x += 1) {
    const position = (x + 0.5) / scale - 0.5;
    const base = Math.floor(position);
    const [w0, w1, w2, w3] = cubicWeights(position - base);
    const c0 = clampIndex(base - 1, columns);
    const c1 = clampIndex(base, columns);
    const c2 = clampIndex(base + 1, columns);
    const c3 = clampIndex(base + 2, columns);
    for (let r = 0; r < rows; r += 1) {
      const row = r * columns;
      out[r * width + x] =
        w0 * (levels[row + c0] as number) +
        w1 * (levels[row + c1] as number) +
        w2 * (levels[row + c2] as number) +
        w3 * (levels[row + c3] as number);
    }
  }
  return out;
}

/** One output row of the enlarged map at block-row `position`, rounded and kept within 0–255. */
function interpolateRow(
  across: Float32Array,
  width: number,
  rows: number,
  position: number,
  into: Uint8ClampedArray,
): void {
  const base = Math.floor(position);
  const [w0, w1, w2, w3] = cubicWeights(position - base);
  const r0 = clampIndex(base - 1, rows) * width;
  const r1 = clampIndex(base, rows) * width;
  const r2 = clampIndex(base + 1, rows) * width;
  const r3 = clampIndex(base + 2, rows) * width;
  for (let x = 0; x < width; x += 1) {
    const value =
      w0 * (across[r0 + x] as number) +
      w1 * (across[r1 + x] as number) +
      w2 * (across[r2 + x] as number) +
      w3 * (across[r3 + x] as number);
    // The cubic overshoots a little at sharp changes: a clamped array keeps it within 0–255, rounded.
    into[x] = value;
  }
}

function clampIndex(index: number, length: number): number {
  return index < 0 ? 0 : index >= length ? length - 1 : index;
}

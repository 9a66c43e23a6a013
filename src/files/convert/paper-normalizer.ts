import sharp from 'sharp';
import type { RawPage } from './raw-page.js';

// The paper's brightness is estimated on blocks larger than a letter, so ink never sets it.
const BLOCK = 32;
// After dividing by the paper: at or above WHITE is paper (→ white), at or below BLACK is ink (→ black).
const WHITE = 0.82;
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
export async function normalizePaper(page: RawPage): Promise<RawPage> {
  const { width, height, channels, data } = page;
  const paper = await paperMap(page);
  const out = Buffer.alloc(data.length);
  const pixels = width * height;
  if (channels === 1) {
    for (let i = 0; i < pixels; i += 1)
      out[i] = LEVELS[((paper[i] as number) << 8) | (data[i] as number)] as number;
  } else {
    for (let i = 0, at = 0; i < pixels; i += 1, at += 3) {
      const row = (paper[i] as number) << 8;
      out[at] = LEVELS[row | (data[at] as number)] as number;
      out[at + 1] = LEVELS[row | (data[at + 1] as number)] as number;
      out[at + 2] = LEVELS[row | (data[at + 2] as number)] as number;
    }
  }
  return { width, height, channels, data: out };
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

/**
 * The paper's brightness at every pixel: the maximum of each block (ink never fills a block), widened to
 * its neighbours (a stamp or a thick title can), then enlarged smoothly back to the page's size.
 */
async function paperMap(page: RawPage): Promise<Uint8Array> {
  const { width, height } = page;
  const grey = luminance(page);
  const columns = Math.ceil(width / BLOCK);
  const rows = Math.ceil(height / BLOCK);
  const maxima = new Uint8Array(columns * rows);
  for (let y = 0; y < height; y += 1) {
    const row = ((y / BLOCK) | 0) * columns;
    const line = y * width;
    for (let start = 0, cell = row; start < width; start += BLOCK, cell += 1) {
      let best = maxima[cell] ?? 0;
      const end = Math.min(width, start + BLOCK);
      for (let x = start; x < end; x += 1) {
        const value = grey[line + x] ?? 0;
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
  return sharp(widened, { raw: { width: columns, height: rows, channels: 1 } })
    .resize(width, height, { kernel: 'cubic' })
    .toColourspace('b-w')
    .raw()
    .toBuffer();
}

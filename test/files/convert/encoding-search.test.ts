import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { dpiLadder, searchEncoding, QUALITY } from '../../../src/files/convert/encoding-search.js';
import { pageGeometry } from '../../../src/files/convert/page-geometry.js';
import { readPdfPageImages } from '../../../src/files/convert/pdf-page-images.js';
import type { RawPage } from '../../../src/files/convert/raw-page.js';
import { seededRandom } from './support/registry-page.js';

/** A white A4 page at 150 dpi with `lines` rows of random dark marks: more lines, more bytes. */
function markedPage(lines: number, seed: number): RawPage {
  const width = 1241;
  const height = 1754;
  const random = seededRandom(seed);
  const data = Buffer.alloc(width * height, 255);
  for (let line = 0; line < lines; line += 1) {
    const top = 60 + line * 36;
    for (let x = 60; x < width - 60; x += 1) {
      if (random() < 0.45) continue;
      for (let y = top; y < top + 18 && y < height; y += 1) data[y * width + x] = Math.floor(random() * 90);
    }
  }
  return { width, height, channels: 1, data };
}

describe('dpiLadder', () => {
  it('starts at 150 dpi for a large picture and never goes under the floor', () => {
    expect(dpiLadder(340, 100)).toEqual([150, 135, 120, 110, 100]);
    expect(dpiLadder(128.4, 100)).toEqual([128.4, 120, 110, 100]);
    // A campaign that asks for more than the ladder's top gets its own minimum.
    expect(dpiLadder(340, 200)).toEqual([200]);
  });
});

describe('searchEncoding', () => {
  it('gives a light page its best resolution and quality in a PDF under the limit', async () => {
    const page = markedPage(8, 3);
    const geometry = pageGeometry(page.width, page.height, 100);
    const result = await searchEncoding([{ page, geometry }], 100 * 1024, 100);
    if (!result.fits) throw new Error('does not fit');
    expect(result.dpi).toBe(150);
    expect(result.quality).toBeGreaterThan(QUALITY.good);
    expect(result.pdf.length).toBeLessThanOrEqual(100 * 1024);
  });

  it('lowers resolution and quality for a dense page until it fits, measuring the PDF itself', async () => {
    const page = markedPage(45, 5);
    const geometry = pageGeometry(page.width, page.height, 100);
    const maxBytes = 100 * 1024;
    const result = await searchEncoding([{ page, geometry }], maxBytes, 100);
    if (!result.fits) throw new Error('does not fit');
    expect(result.dpi).toBeLessThan(150);
    expect(result.quality).toBeGreaterThanOrEqual(QUALITY.floor);
    expect(result.pdf.length).toBeLessThanOrEqual(maxBytes);
    const images = await readPdfPageImages(result.pdf);
    if (!images.ok || images.pages[0]?.kind !== 'encoded') throw new Error('no JPEG page image');
    const meta = await sharp(images.pages[0].bytes).metadata();
    expect(meta.width).toBe(Math.round(geometry.widthInches * result.dpi));
  });

  it('reports the smallest size it reached when even the floor does not fit', async () => {
    const page = markedPage(45, 7);
    const geometry = pageGeometry(page.width, page.height, 100);
    const result = await searchEncoding([{ page, geometry }], 5_000, 100);
    expect(result.fits).toBe(false);
    if (!result.fits) expect(result.smallestBytes).toBeGreaterThan(5_000);
  });
});

import { describe, expect, it } from 'vitest';
import { normalizePaper } from '../../../src/files/convert/paper-normalizer.js';
import type { RawPage } from '../../../src/files/convert/raw-page.js';

/**
 * A grey page lit from the left: paper from 230 down to 130 across, with dark strokes (level 40 at full
 * light, dimmed with the paper) every 50 pixels.
 */
function shadedPage(width: number, height: number): { page: RawPage; ink: (x: number) => boolean } {
  const ink = (x: number) => x % 50 >= 20 && x % 50 < 24;
  const data = Buffer.alloc(width * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const paper = 230 - (100 * x) / (width - 1);
      data[y * width + x] = Math.round(ink(x) ? (paper * 40) / 230 : paper);
    }
  }
  return { page: { width, height, channels: 1, data }, ink };
}

describe('normalizePaper', () => {
  it('turns shaded paper white and keeps the strokes dark all across the shadow', async () => {
    const { page, ink } = shadedPage(400, 300);
    const out = await normalizePaper(page);
    expect(out).toMatchObject({ width: 400, height: 300, channels: 1 });
    for (const y of [0, 150, 299]) {
      for (let x = 0; x < 400; x += 1) {
        const value = out.data[y * 400 + x] ?? 0;
        // Next to a stroke the block maximum still sees paper; the stroke's own pixels must stay ink.
        if (ink(x)) expect(value, `ink at ${x},${y}`).toBeLessThan(40);
        else if (!ink(x - 1) && !ink(x + 1)) expect(value, `paper at ${x},${y}`).toBeGreaterThan(245);
      }
    }
  });

  it('maps a colour page like the same page in grey, channel by channel', async () => {
    const { page } = shadedPage(130, 70);
    const colour = Buffer.alloc(page.data.length * 3);
    for (let i = 0; i < page.data.length; i += 1) colour.fill(page.data[i] ?? 0, i * 3, i * 3 + 3);
    const grey = await normalizePaper(page);
    const rgb = await normalizePaper({ ...page, channels: 3, data: colour });
    for (let i = 0; i < grey.data.length; i += 1) {
      expect(rgb.data[i * 3]).toBe(grey.data[i]);
      expect(rgb.data[i * 3 + 2]).toBe(grey.data[i]);
    }
  });

  it('keeps a page smaller than one block, and an edge that is not a whole block', async () => {
    for (const [width, height] of [
      [20, 10],
      [33, 65],
    ] as const) {
      const data = Buffer.alloc(width * height, 200);
      data[0] = 20;
      const out = await normalizePaper({ width, height, channels: 1, data });
      expect(out.data.length).toBe(width * height);
      expect(out.data[0]).toBeLessThan(40);
      expect(out.data[width * height - 1]).toBe(255);
    }
  });
});

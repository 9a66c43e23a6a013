import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { layoutNeedsShaping, useCmapLayout } from '../../src/reports/pdf-glyph-layout.js';
import { decodePngPixels } from './report-inspection.js';
import { encodeRgbPng, readRgbPng } from '../../src/reports/rgb-png.js';

const ROOT = join(import.meta.dirname, '..', '..');

type Font = { layout(text: string): { glyphs: { id: number }[] } };

describe('per-character glyphs for the report PDF', () => {
  it('gives fontkit’s own glyphs for every unit name of the new official list and the report words', () => {
    const texts = new Set<string>(['Tổng cộng', 'Đính kèm và rà soát', '1.234,5%', '–', '…', '17:05 muộn']);
    for (const line of readFileSync(join(ROOT, 'reference', 'vn-units-2025-07-01.csv'), 'utf8').split('\n')) {
      for (const cell of line.split(',')) texts.add(cell.normalize('NFC'));
    }
    for (const file of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']) {
      const bytes = readFileSync(join(ROOT, 'assets', 'fonts', file));
      const shaped = fontkit.create(bytes) as unknown as Font;
      const fast = useCmapLayout(fontkit.create(bytes)) as unknown as Font;
      const ids = (font: Font, text: string) =>
        font
          .layout(text)
          .glyphs.map((g) => g.id)
          .join(',');
      const differ = [...texts].filter((text) => ids(fast, text) !== ids(shaped, text));
      expect(differ, file).toEqual([]);
    }
  });

  it('leaves to fontkit the strings it would change: f-ligatures and combining marks', () => {
    expect(layoutNeedsShaping('office')).toBe(true);
    expect(layoutNeedsShaping('Xa\u0303')).toBe(true);
    expect(layoutNeedsShaping('Xã Vĩnh Linh')).toBe(false);
    const bytes = readFileSync(join(ROOT, 'assets', 'fonts', 'DejaVuSans.ttf'));
    const fast = useCmapLayout(fontkit.create(bytes)) as unknown as Font;
    const shaped = fontkit.create(bytes) as unknown as Font;
    expect(fast.layout('fi').glyphs.map((g) => g.id)).toEqual(shaped.layout('fi').glyphs.map((g) => g.id));
    expect(fast.layout('fi').glyphs).toHaveLength(1);
  });
});

describe('the charts’ RGB PNG', () => {
  it('round-trips pixels, lays translucent ones on white, and hands its data to the PDF as is', async () => {
    // 3 × 2 pixels: red, green, blue / white, half-transparent black, fully transparent.
    const rgba = Uint8Array.from([
      255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255, 0, 0, 0, 128, 9, 9, 9, 0,
    ]);
    const png = await encodeRgbPng(rgba, 3, 2);
    const { width, height, rgb } = await decodePngPixels(png);
    expect([width, height]).toEqual([3, 2]);
    expect([...rgb]).toEqual([255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255, 127, 127, 127, 255, 255, 255]);
    expect(readRgbPng(png)).toMatchObject({ width: 3, height: 2 });
    await expect(encodeRgbPng(rgba, 4, 2)).rejects.toThrow(RangeError);
  });
});

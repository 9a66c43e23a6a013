import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { fitZaloOaImage } from '../../../src/channels/zalo-oa/zalo-oa-image.js';
import { splitZaloOaText } from '../../../src/channels/zalo-oa/zalo-oa-text.js';

describe('what the OA sends', () => {
  it('makes a chart over Zalo’s 1 MB image limit fit, and leaves one under it alone', async () => {
    // Noise does not compress: the worst case for a PNG.
    const width = 700;
    const height = 600;
    const big = await sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
      .png()
      .toBuffer();
    expect(big.length).toBeGreaterThan(1_000_000);
    const fitted = await fitZaloOaImage('bieu-do.png', big);
    expect(fitted.bytes.length).toBeLessThanOrEqual(1_000_000);
    expect((await sharp(fitted.bytes).metadata()).width).toBeGreaterThan(0);
    const small = Buffer.from(
      await sharp({ create: { width: 10, height: 10, channels: 3, background: '#fff' } })
        .png()
        .toBuffer(),
    );
    expect(await fitZaloOaImage('a.png', small)).toEqual({ fileName: 'a.png', bytes: small });
  });

  it('splits a text at line breaks, then spaces, never over 2,000 characters', () => {
    expect(splitZaloOaText('ngắn')).toEqual(['ngắn']);
    const words = Array.from({ length: 600 }, (_, i) => `từ${i}`).join(' ');
    const parts = splitZaloOaText(words);
    expect(parts.every((p) => p.length <= 2000)).toBe(true);
    expect(parts.join(' ')).toBe(words);
    expect(splitZaloOaText('x'.repeat(4500)).map((p) => p.length)).toEqual([2000, 2000, 500]);
  });
});

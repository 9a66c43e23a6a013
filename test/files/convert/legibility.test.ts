import { describe, expect, it } from 'vitest';
import { convertFile } from '../../../src/files/convert/convert-file.js';
import { DEFAULT_CONVERT_RULES } from '../../../src/files/convert/convert-rules.js';
import { readPdfPageImages } from '../../../src/files/convert/pdf-page-images.js';
import { characterAccuracy, ocrText, ocrUnavailable } from './support/ocr-accuracy.js';
import { registryPage } from './support/registry-page.js';

const now = new Date('2025-03-10T03:00:00Z');
const missing = ocrUnavailable();

// "Legible to the naked eye", measured: OCR reads the converted page at least 95% as well as the source.
// A few pages here; `BENCH_ONLY=convert npm run bench` runs many more.
describe.skipIf(missing !== undefined)(`legibility by OCR${missing ? ` (skipped: ${missing})` : ''}`, () => {
  it.each([
    ['a phone photo', 31, 'photo'],
    ['a flat scan', 32, 'scan'],
  ] as const)('keeps %s readable by OCR while fitting the limit', async (_, seed, kind) => {
    const page = await registryPage(seed);
    const source = page[kind];
    const outcome = await convertFile(
      { name: `KS.2010.01.0${seed}.jpg`, bytes: source },
      DEFAULT_CONVERT_RULES,
      now,
    );
    if (outcome.kind !== 'converted') throw new Error(outcome.kind);
    expect(outcome.pdf.length).toBeLessThanOrEqual(DEFAULT_CONVERT_RULES.maxBytes);
    const images = await readPdfPageImages(outcome.pdf);
    if (!images.ok || images.pages[0]?.kind !== 'encoded') throw new Error('no page image');
    const before = characterAccuracy(page.text, ocrText(source));
    const after = characterAccuracy(page.text, ocrText(images.pages[0].bytes));
    // A floor on the source too, so that a generator drawing unreadable pages cannot pass by dividing by little.
    expect(Math.max(before, after)).toBeGreaterThan(0.8);
    expect(after).toBeGreaterThanOrEqual(0.95 * before);
  });
});

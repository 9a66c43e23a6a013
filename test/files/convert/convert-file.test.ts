import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONVERT_STEPS } from '../../../src/domain/convert-steps.js';
import { convertBatch } from '../../../src/files/convert/convert-batch.js';
import { convertFile } from '../../../src/files/convert/convert-file.js';
import { DEFAULT_CONVERT_RULES, type ConvertRules } from '../../../src/files/convert/convert-rules.js';
import { readPdfPageImages } from '../../../src/files/convert/pdf-page-images.js';
import { inspectFile } from '../../../src/files/file-inspector.js';
import { openZip } from '../../../src/files/zip-reader.js';
import { convertLine, convertRefusalText } from '../../../src/messages/convert-messages.js';
import { registryPage, type RegistryPage } from './support/registry-page.js';

const now = new Date('2025-03-10T03:00:00Z');
const rules = DEFAULT_CONVERT_RULES;
let page: RegistryPage;

beforeAll(async () => {
  page = await registryPage(11);
});

/** The first page image of a PDF, as the image library sees it. */
async function firstImage(pdf: Uint8Array) {
  const images = await readPdfPageImages(pdf);
  if (!images.ok || images.pages[0]?.kind !== 'encoded') throw new Error('no JPEG page image');
  return sharp(images.pages[0].bytes).metadata();
}

async function pdfOf(jpeg: Uint8Array, widthPt: number, heightPt: number): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const image = await document.embedJpg(jpeg);
  document.addPage([widthPt, heightPt]).drawImage(image, { x: 0, y: 0, width: widthPt, height: heightPt });
  return document.save();
}

describe('convertFile: inputs', () => {
  it('turns a 12 MP phone photo into one grey page under the limit, named from the caption', async () => {
    const outcome = await convertFile(
      { name: 'IMG_2041.jpg', bytes: page.photo, caption: 'Khai sinh 2010 q1 so 15' },
      rules,
      now,
    );
    expect(outcome.kind).toBe('converted');
    if (outcome.kind !== 'converted') return;
    expect(outcome.name).toEqual({ kind: 'rule', name: 'KS.2010.01.015.pdf' });
    expect(outcome.sizeBefore).toBe(page.photo.length);
    expect(outcome.sizeAfter).toBe(outcome.pdf.length);
    expect(outcome.pdf.length).toBeLessThanOrEqual(rules.maxBytes);
    expect(outcome.verdict.status).toBe('accepted');
    expect(outcome.verdict.pages).toBe(1);
    expect(outcome.encoding.dpi).toBeGreaterThanOrEqual(100);
    // The inspector, run on its own, agrees with the verdict the outcome carries.
    const again = await inspectFile({ name: 'KS.2010.01.015.pdf', bytes: outcome.pdf }, rules, now);
    expect(again.status).toBe('accepted');
    const image = await firstImage(outcome.pdf);
    expect(image.channels).toBe(1);
    expect(convertLine(outcome)).toMatch(
      /^✅ KS\.2010\.01\.015\.pdf: 2,\d MB → \d+,\d KB · 1 trang · khoảng \d+ dpi · Đạt$/,
    );
  });

  it('converts a flat PNG scan and a WebP picture', async () => {
    const webp = await sharp(page.scan).webp({ quality: 90 }).toBuffer();
    for (const [name, bytes] of [
      ['KT.2011.02.003.png', page.scan],
      ['KT.2011.02.004.webp', webp],
    ] as const) {
      const outcome = await convertFile({ name, bytes }, rules, now);
      expect(outcome.kind, name).toBe('converted');
      if (outcome.kind !== 'converted') continue;
      expect(outcome.name.name).toBe(name.replace(/\.\w+$/, '.pdf'));
      expect(outcome.verdict.status, name).toBe('accepted');
      expect(outcome.pdf.length).toBeLessThanOrEqual(rules.maxBytes);
    }
  });

  it('turns a photo upright as its EXIF orientation says, unless the campaign turns that step off', async () => {
    // Stored lying on its side, with orientation 6 ("turn 90° clockwise to view").
    const lying = await sharp(page.photo).rotate(-90).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    const upright = await convertFile({ name: 'KS.2010.01.016.jpg', bytes: lying }, rules, now);
    const ignored = await convertFile(
      { name: 'KS.2010.01.016.jpg', bytes: lying },
      { ...rules, steps: { ...DEFAULT_CONVERT_STEPS, orientation: false } },
      now,
    );
    if (upright.kind !== 'converted' || ignored.kind !== 'converted') throw new Error('not converted');
    const a = await firstImage(upright.pdf);
    const b = await firstImage(ignored.pdf);
    expect(a.height).toBeGreaterThan(a.width ?? 0);
    expect(b.width).toBeGreaterThan(b.height ?? 0);
  });

  it('keeps colour when the campaign turns grayscale off', async () => {
    const colour: ConvertRules = { ...rules, steps: { ...DEFAULT_CONVERT_STEPS, grayscale: false } };
    const outcome = await convertFile({ name: 'KS.2010.01.017.jpg', bytes: page.photo }, colour, now);
    if (outcome.kind !== 'converted') throw new Error(outcome.kind);
    expect((await firstImage(outcome.pdf)).channels).toBe(3);
    expect(outcome.encoding.grayscale).toBe(false);
    expect(outcome.pdf.length).toBeLessThanOrEqual(rules.maxBytes);
  });

  it('re-encodes an oversized colour PDF scan and returns a compliant PDF as it is', async () => {
    const heavy = await pdfOf(await sharp(page.photo).jpeg({ quality: 92 }).toBuffer(), 595, 842);
    expect((await inspectFile({ name: 'KS.2010.01.018.pdf', bytes: heavy }, rules, now)).status).toBe(
      'rejected',
    );
    const outcome = await convertFile({ name: 'KS.2010.01.018.pdf', bytes: heavy }, rules, now);
    if (outcome.kind !== 'converted') throw new Error(outcome.kind);
    expect(outcome.sizeBefore).toBe(heavy.length);
    expect(outcome.pdf.length).toBeLessThanOrEqual(rules.maxBytes);
    expect(outcome.verdict.status).toBe('accepted');
    const again = await convertFile({ name: 'KS.2010.01.018.pdf', bytes: outcome.pdf }, rules, now);
    expect(again.kind).toBe('already_compliant');
    if (again.kind === 'already_compliant') expect(again.pdf.equals(outcome.pdf)).toBe(true);
  });

  it('says which name parts are missing, and judges the content alone until they are given', async () => {
    const outcome = await convertFile(
      { name: 'IMG_2042.jpg', bytes: page.photo, caption: 'năm 2010' },
      rules,
      now,
    );
    if (outcome.kind !== 'converted') throw new Error(outcome.kind);
    expect(outcome.name).toEqual({
      kind: 'incomplete',
      name: 'IMG_2042.pdf',
      known: { year: 2010 },
      missing: ['type', 'book', 'number'],
    });
    expect(outcome.verdict.status).toBe('accepted');
  });
});

describe('convertFile: refusals', () => {
  it('refuses a picture too small to read', async () => {
    const thumbnail = await sharp(page.scan).resize(480).jpeg().toBuffer();
    const outcome = await convertFile({ name: 'thumb.jpg', bytes: thumbnail }, rules, now);
    expect(outcome).toMatchObject({ kind: 'refused', refusal: { code: 'too_small', width: 480 } });
    if (outcome.kind === 'refused')
      expect(convertRefusalText(outcome.refusal)).toContain('quá nhỏ để đọc rõ chữ');
  });

  it('refuses a damaged photo, a photo cut short and an empty file as unreadable', async () => {
    const damaged = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(5000, 0x55)]);
    const cut = page.photo.subarray(0, 40_000);
    for (const bytes of [damaged, cut, Buffer.alloc(0)]) {
      const outcome = await convertFile({ name: 'x.jpg', bytes }, rules, now);
      expect(outcome).toMatchObject({ kind: 'refused', refusal: { code: 'unreadable' } });
    }
    const text = convertRefusalText({ code: 'unreadable', format: 'jpeg' });
    expect(text).toContain('Không đọc được ảnh này');
  });

  it('refuses a HEIC photo the image library cannot decode, and a Word file, as unsupported', async () => {
    const heic = Buffer.concat([
      Buffer.from([0, 0, 0, 0x18]),
      Buffer.from('ftypheic'),
      Buffer.from([0, 0, 0, 0]),
      Buffer.from('mif1heic'),
      Buffer.alloc(400, 7),
    ]);
    const heicOutcome = await convertFile({ name: 'IMG_1.HEIC', bytes: heic }, rules, now);
    expect(heicOutcome).toMatchObject({ kind: 'refused', refusal: { code: 'unsupported', format: 'heic' } });
    if (heicOutcome.kind === 'refused') expect(convertRefusalText(heicOutcome.refusal)).toContain('HEIC');
    const doc = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(600),
    ]);
    const docOutcome = await convertFile({ name: 'hoso.doc', bytes: doc }, rules, now);
    expect(docOutcome).toMatchObject({ kind: 'refused', refusal: { code: 'unsupported' } });
  });

  it('refuses when even the legibility floor does not fit the limit, and suggests cropping', async () => {
    const tight: ConvertRules = { ...rules, maxBytes: 6_000 };
    const outcome = await convertFile({ name: 'KS.2010.01.019.jpg', bytes: page.photo }, tight, now);
    expect(outcome).toMatchObject({
      kind: 'refused',
      refusal: { code: 'limit_unreachable', maxBytes: 6_000 },
    });
    if (outcome.kind !== 'refused' || outcome.refusal.code !== 'limit_unreachable') return;
    expect(outcome.refusal.smallestBytes).toBeGreaterThan(6_000);
    expect(convertRefusalText(outcome.refusal)).toContain('Hãy cắt ảnh chỉ còn phần trang của hồ sơ này');
  });
});

describe('convertBatch', () => {
  it('converts the photos of a ZIP into a ZIP of PDFs, one line per file, refusals included', async () => {
    const { buildZip } = await import('../support/zip-builder.js');
    const archive = buildZip([
      { name: 'quyen-01/Khai sinh 2010 q1 so 20.jpg', data: page.photo, method: 0 },
      { name: 'quyen-01/KS.2010.01.020.jpg', data: page.photo, method: 0 },
      { name: 'quyen-01/hong.jpg', data: Buffer.from('not a picture'), method: 0 },
      { name: '__MACOSX/._x.jpg', data: Buffer.from('fork'), method: 0 },
    ]);
    const seen: string[] = [];
    const result = await convertBatch([{ name: 'quyen-01.zip', bytes: archive }], rules, now, (item) =>
      seen.push(item.path),
    );
    expect(seen).toEqual([
      'quyen-01.zip/quyen-01/Khai sinh 2010 q1 so 20.jpg',
      'quyen-01.zip/quyen-01/KS.2010.01.020.jpg',
      'quyen-01.zip/quyen-01/hong.jpg',
    ]);
    expect(result.items.map((item) => item.outcome.kind)).toEqual(['converted', 'converted', 'refused']);
    const opened = openZip(result.zip);
    if (!opened.ok) throw new Error('unreadable ZIP');
    const entries = [...opened.entries()];
    // Two photos of the same case: the second keeps its PDF under a name that does not overwrite the first.
    expect(entries.map((entry) => entry.name)).toEqual(['KS.2010.01.020.pdf', 'KS.2010.01.020-2.pdf']);
    for (const entry of entries) if (entry.ok) expect(entry.bytes.length).toBeLessThanOrEqual(rules.maxBytes);
  });
});

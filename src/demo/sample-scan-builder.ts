import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';
import { seededRandom } from '../../test/support/fake-telegram/seeded-random.js';

/** What a simulated commune got wrong in a sample file, or `good` when nothing. */
export type SampleDefect = 'good' | 'too_large' | 'bad_name' | 'not_pdf' | 'low_dpi';

/** A sample file as a commune sends it. */
export interface SampleFile {
  readonly fileName: string;
  readonly bytes: Buffer;
  readonly mimeType: string;
  readonly defect: SampleDefect;
}

/** Which registry record a sample scans: the parts of its file name. */
export interface SampleRecord {
  readonly type: string;
  readonly year: number;
  readonly book: number;
  readonly number: number;
}

// A4 in points; the scans are drawn over the whole page, as a flatbed scanner's PDF does.
const PAGE = { widthPt: 595.28, heightPt: 841.89 };

/** `KS.2019.03.125.pdf`: the campaign's default name rule. */
export function sampleFileName(record: SampleRecord): string {
  const book = String(record.book).padStart(2, '0');
  const number = String(record.number).padStart(3, '0');
  return `${record.type}.${record.year}.${book}.${number}.pdf`;
}

/** A name a hurried clerk might type instead of the rule's. */
function carelessName(record: SampleRecord, seed: number): string {
  const names = ['Khai sinh', 'Ket hon', 'Khai tu', 'scan'];
  const word = names[seed % names.length] ?? 'scan';
  return `${word} ${record.number} (${record.year}).pdf`;
}

/**
 * A scanned register page: lines of dark "handwriting" blocks on paper, painted with rectangles only,
 * so that it needs no font. `seed` makes every page's bytes different (the bot recognises repeats).
 */
async function scanJpeg(dpi: number, quality: number, seed: number, speckle: boolean): Promise<Buffer> {
  const width = Math.round((PAGE.widthPt / 72) * dpi);
  const height = Math.round((PAGE.heightPt / 72) * dpi);
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  const random = seededRandom(seed);
  context.fillStyle = '#f7f3e8';
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#9aa3b5';
  const line = Math.max(6, Math.round(height / 36));
  for (let y = line * 2; y < height - line; y += line) context.fillRect(width * 0.06, y, width * 0.88, 1);
  context.fillStyle = '#1d2340';
  for (let y = line * 2 - line * 0.7; y < height - line * 2; y += line) {
    for (let x = width * 0.08; x < width * (0.5 + random() * 0.4);) {
      const glyph = Math.max(2, (line / 3) * (0.4 + random()));
      if (random() > 0.2) context.fillRect(x, y, glyph, line * (0.35 + random() * 0.3));
      x += glyph + 1 + random() * (line / 4);
    }
  }
  if (speckle) {
    // Paper grain scanned in colour at a high quality: what makes real files too heavy.
    const image = context.getImageData(0, 0, width, height);
    for (let i = 0; i < image.data.length; i += 4) {
      const grain = (random() - 0.5) * 24;
      image.data[i] = (image.data[i] ?? 0) + grain;
      image.data[i + 1] = (image.data[i + 1] ?? 0) + grain;
      image.data[i + 2] = (image.data[i + 2] ?? 0) + grain;
    }
    context.putImageData(image, 0, 0);
  }
  return canvas.encode('jpeg', quality);
}

async function pdfOf(jpeg: Buffer): Promise<Buffer> {
  const document = await PDFDocument.create();
  // Fixed dates: the same seed gives the same bytes, and the bot's "already checked" test stays honest.
  document.setCreationDate(new Date('2025-03-01T00:00:00Z'));
  document.setModificationDate(new Date('2025-03-01T00:00:00Z'));
  const page = document.addPage([PAGE.widthPt, PAGE.heightPt]);
  const image = await document.embedJpg(jpeg);
  page.drawImage(image, { x: 0, y: 0, ...{ width: PAGE.widthPt, height: PAGE.heightPt } });
  return Buffer.from(await document.save({ useObjectStreams: false }));
}

/** Builds one sample file with the given defect (or none) for a registry record. */
export async function buildSampleFile(
  record: SampleRecord,
  defect: SampleDefect,
  seed: number,
): Promise<SampleFile> {
  const name = sampleFileName(record);
  const pdf = { mimeType: 'application/pdf', defect };
  switch (defect) {
    case 'good':
      return { ...pdf, fileName: name, bytes: await pdfOf(await scanJpeg(110, 30, seed, false)) };
    case 'too_large':
      return { ...pdf, fileName: name, bytes: await pdfOf(await scanJpeg(130, 55, seed, true)) };
    case 'low_dpi':
      return { ...pdf, fileName: name, bytes: await pdfOf(await scanJpeg(60, 40, seed, false)) };
    case 'bad_name':
      return {
        ...pdf,
        fileName: carelessName(record, seed),
        bytes: await pdfOf(await scanJpeg(110, 30, seed, false)),
      };
    case 'not_pdf':
      // A phone photo renamed to .pdf: the inspector tells it is a JPEG.
      return { ...pdf, fileName: name, bytes: await scanJpeg(100, 30, seed, false) };
  }
}

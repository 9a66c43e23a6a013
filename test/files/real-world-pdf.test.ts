import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument, type PDFPage } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectFile } from '../../src/files/file-inspector.js';
import { DEFAULT_FILE_RULES, type FileRules } from '../../src/files/file-rules.js';
import { fileRulesFromCampaign } from '../../src/files/campaign-file-rules.js';
import type { FileVerdict } from '../../src/domain/file-verdict.js';
import {
  deflate,
  makeColourBars,
  makeJpeg,
  makePng,
  makeScanPdf,
  makeStripPdf,
  rawPdf,
  seededRandom,
  streamBody,
} from './support/scan-corpus.js';

// Issue 17: files as they come from real scanners and tools. Every file here is generated, never
// downloaded: each case is built from a clean scan by the one change a real-world file showed.

const now = new Date('2025-03-10T03:00:00Z');
const BIG: FileRules = { ...DEFAULT_FILE_RULES, maxBytes: 16 * 1024 * 1024 };
const inspect = (bytes: Uint8Array, rules: FileRules = BIG) =>
  inspectFile({ name: 'KS.2010.01.001.pdf', bytes }, rules, now);
/** Draws a generated JPEG of `[width, height, …makeJpeg's other arguments]` on `page` at `rect`. */
async function drawJpeg(
  document: PDFDocument,
  page: PDFPage,
  jpeg: Parameters<typeof makeJpeg>,
  rect: { x: number; y: number; width: number; height: number },
): Promise<void> {
  page.drawImage(await document.embedJpg(await makeJpeg(...jpeg)), rect);
}
const codes = (verdict: FileVerdict) => verdict.problems.map((problem) => problem.code);
const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const fromLatin1 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
const repaired = (verdict: FileVerdict) => verdict.problems.find((p) => p.code === 'pdf.repaired')?.measured;

let scan: string; // a clean 100-dpi one-page scan, as latin1 text for surgery
let textJpeg: Uint8Array;

beforeAll(async () => {
  textJpeg = await makeJpeg(1000, 1000, 'text', 20);
  scan = latin1(
    await makeScanPdf([{ widthPt: 720, heightPt: 720, image: { kind: 'jpeg', bytes: textJpeg } }]),
  );
});

const PAGE_720 =
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 720 720] /Contents 5 0 R /Resources << /XObject << /Im0 4 0 R >> >> >>';
const jpegImage = (bytes: Uint8Array, filter = '/DCTDecode') =>
  streamBody(
    `/Type /XObject /Subtype /Image /Width 1000 /Height 1000 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter ${filter}`,
    bytes,
  );
const drawWhole = streamBody('', fromLatin1('q 720 0 0 720 0 0 cm /Im0 Do Q'));

describe('structure: reads cleanly, reads after repair (warning), unreadable (rejected)', () => {
  it('accepts a clean scan without a word', async () => {
    expect(await inspect(fromLatin1(scan))).toMatchObject({ status: 'accepted', problems: [], dpi: 100 });
  });

  it('warns when startxref is missing or points wrong: the cross-reference is rebuilt by scanning', async () => {
    const cut = scan.slice(0, scan.lastIndexOf('startxref'));
    const noStartxref = await inspect(fromLatin1(cut));
    expect(noStartxref).toMatchObject({ status: 'warnings', dpi: 100 });
    expect(codes(noStartxref)).toEqual(['pdf.repaired']);
    expect(repaired(noStartxref)).toBe('xref,end_marker');
    const keptEnd = await inspect(fromLatin1(`${cut}%%EOF\n`));
    expect(repaired(keptEnd)).toBe('xref');
    const wrong = await inspect(fromLatin1(scan.replace(/startxref\s+\d+/, 'startxref\n17')));
    expect(repaired(wrong)).toBe('xref');
    expect(wrong.problems[0]?.severity).toBe('warning');
    expect(wrong.problems[0]?.message).toMatch(/xref.*lưu hoặc xuất lại/);
  });

  it('warns about junk before %PDF- within the first kilobyte, and is not a PDF beyond it', async () => {
    const junk = await inspect(fromLatin1(`${'X-Scanner-Job: 42\r\n'.repeat(20)}${scan}`));
    expect(junk.status).toBe('warnings');
    expect(repaired(junk)).toBe('header');
    expect(codes(await inspect(fromLatin1(`${'#'.repeat(2000)}${scan}`)))).toEqual(['format.not_pdf']);
  });

  it('warns about bad cross-reference entries and a missing trailer', async () => {
    const badEntries = scan.replace(/(xref\s+0 \d+\s+0000000000 65535 f\s+)\d{10}/, '$10000000003');
    expect(repaired(await inspect(fromLatin1(badEntries)))).toBe('xref');
    const noTrailer = scan.replace(/trailer\s*<<[\s\S]*?>>\s*/, '');
    const verdict = await inspect(fromLatin1(noTrailer));
    expect(verdict).toMatchObject({ status: 'warnings', dpi: 100 });
    expect(repaired(verdict)).toBe('trailer');
  });

  it('reads an object stream whose filter is abbreviated (/Fl) and warns', async () => {
    // Objects 4 (catalog), 5 (pages), 6 (page) live in object stream 1 compressed with /Fl.
    const inner = [
      '<< /Type /Catalog /Pages 5 0 R >>',
      '<< /Type /Pages /Kids [6 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 5 0 R /MediaBox [0 0 720 720] /Contents 3 0 R /Resources << /XObject << /Im0 2 0 R >> >> >>',
    ];
    let offset = 0;
    const header = inner.map((body, index) => {
      const pair = `${index + 4} ${offset}`;
      offset += body.length + 1;
      return pair;
    });
    const head = `${header.join(' ')} `;
    const objstm = streamBody(
      `/Type /ObjStm /N 3 /First ${head.length} /Filter /Fl`,
      deflate(head + inner.join('\n')),
    );
    const pdf = rawPdf([objstm, jpegImage(textJpeg), drawWhole], '/Root 4 0 R');
    const verdict = await inspect(pdf);
    expect(verdict).toMatchObject({ status: 'warnings', pages: 1, dpi: 100 });
    expect(repaired(verdict)).toBe('filter_names');
  });

  it('reads abbreviated filter names on images and content streams (/DCT, /AHx /Fl) and warns', async () => {
    const hex = Buffer.from(deflate('q 720 0 0 720 0 0 cm /Im0 Do Q')).toString('hex');
    const pdf = rawPdf(
      [
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        PAGE_720,
        jpegImage(textJpeg, '/DCT'),
        streamBody('/Filter [/AHx /Fl]', fromLatin1(`${hex}>`)),
      ],
      '/Root 1 0 R',
    );
    const verdict = await inspect(pdf);
    expect(verdict).toMatchObject({ status: 'warnings', dpi: 100 });
    expect(codes(verdict)).toEqual(['pdf.repaired']);
  });

  it('rejects a small file whose image has no endstream and that has no trailer', async () => {
    const image = `4 0 obj\n<< /Type /XObject /Subtype /Image /Width 1000 /Height 1000 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length 90000 >>\nstream\n${latin1(textJpeg.subarray(0, 3000))}\n`;
    const objects = [
      '1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n',
      '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n',
      `3 0 obj\n${PAGE_720}\nendobj\n`,
      `5 0 obj\n${latin1(drawWhole)}\nendobj\n`,
    ].join('');
    for (const tail of ['endobj\n%%EOF\n', '']) {
      const verdict = await inspect(fromLatin1(`%PDF-1.4\n${objects}${image}${tail}`));
      expect(verdict.status).toBe('rejected');
      expect(codes(verdict)).not.toContain('content.no_image');
      expect(codes(verdict).some((code) => code === 'pdf.damaged' || code === 'pdf.truncated')).toBe(true);
    }
  });

  it('rejects a page whose content stream or image cannot be reached or decoded', async () => {
    const base = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', PAGE_720];
    const missingContent = rawPdf([...base, jpegImage(textJpeg)], '/Root 1 0 R');
    expect(codes(await inspect(missingContent))).toEqual(['pdf.damaged']);
    const random = seededRandom(9);
    const garbage = new Uint8Array(5000).map(() => Math.floor(random() * 256));
    const corruptImage = rawPdf(
      [
        ...base,
        streamBody(
          '/Subtype /Image /Width 1000 /Height 1000 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode',
          garbage,
        ),
        drawWhole,
      ],
      '/Root 1 0 R',
    );
    expect(codes(await inspect(corruptImage))).toEqual(['pdf.damaged']);
    const notJpeg = rawPdf([...base, jpegImage(garbage), drawWhole], '/Root 1 0 R');
    expect(codes(await inspect(notJpeg))).toEqual(['pdf.damaged']);
  });
});

describe('effective dpi where the image is placed', () => {
  it('measures a 600 ppi page stored as 415 strips of 4810×16 as 600 dpi, with text', async () => {
    const verdict = await inspect(makeStripPdf(4810, 415 * 16, 16, 600, 'text'));
    expect(verdict).toMatchObject({ status: 'accepted', pages: 1, dpi: 600, problems: [] });
  });

  it('calls the same page with white strips blank', async () => {
    const verdict = await inspect(makeStripPdf(4810, 415 * 16, 16, 600, 'blank'));
    expect(verdict).toMatchObject({ status: 'warnings', dpi: 600 });
    expect(codes(verdict)).toEqual(['content.blank_scan']);
  });

  it('measures an image placed in a quarter of the page at its own 300 dpi', async () => {
    const document = await PDFDocument.create();
    const page = document.addPage([720, 720]);
    const image = await document.embedJpg(await makeJpeg(1500, 1500, 'text', 20));
    page.drawImage(image, { x: 0, y: 360, width: 360, height: 360 });
    expect(await inspect(await document.save())).toMatchObject({ status: 'accepted', dpi: 300 });
  });

  it('follows a form XObject and its /Matrix (a scan embedded at half size is twice as sharp)', async () => {
    const source = await PDFDocument.load(fromLatin1(scan));
    const target = await PDFDocument.create();
    const [embedded] = await target.embedPages([source.getPage(0)]);
    if (!embedded) throw new Error('embedPages returned nothing');
    target.addPage([720, 720]).drawPage(embedded, { x: 0, y: 0, xScale: 0.5, yScale: 0.5 });
    expect(await inspect(await target.save())).toMatchObject({ status: 'accepted', dpi: 200 });
  });

  it('ignores a coarse logo beside the scan but not a coarse half of the page', async () => {
    const document = await PDFDocument.create();
    const page = document.addPage([720, 720]);
    await drawJpeg(document, page, [1500, 1500, 'text', 20], { x: 0, y: 0, width: 720, height: 720 });
    await drawJpeg(document, page, [40, 40, 'text', 60], { x: 20, y: 640, width: 60, height: 60 });
    expect(await inspect(await document.save())).toMatchObject({ status: 'accepted', dpi: 150 });
    const halves = await PDFDocument.create();
    const split = halves.addPage([720, 720]);
    await drawJpeg(halves, split, [1500, 750, 'text', 20], { x: 0, y: 360, width: 720, height: 360 });
    await drawJpeg(halves, split, [500, 250, 'text', 20], { x: 0, y: 0, width: 720, height: 360 });
    const verdict = await inspect(await halves.save());
    expect(verdict).toMatchObject({ status: 'rejected', dpi: 50 });
    expect(codes(verdict)).toEqual(['content.low_dpi']);
  });
});

describe('blank means blank: decoded pixels of everything drawn', () => {
  const onePage = async (kind: 'png' | 'jpeg', bytes: Uint8Array) =>
    inspect(await makeScanPdf([{ widthPt: 720, heightPt: 720, image: { kind, bytes } }]));

  it('does not call colour bars blank, as PNG or as a large JPEG', async () => {
    expect(codes(await onePage('png', await makeColourBars(1000, 1000, 'png')))).toEqual([]);
    expect(codes(await onePage('jpeg', await makeColourBars(3000, 3000, 'jpeg')))).toEqual([]);
  });

  it('does not call a large, mostly white JPEG with a few lines of writing blank', async () => {
    const canvas = createCanvas(2480, 3508);
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, 2480, 3508);
    context.fillStyle = '#303030';
    for (let line = 0; line < 4; line += 1)
      for (let x = 200; x < 2200; x += 37) context.fillRect(x, 300 + line * 70, 22, 36);
    const jpeg = new Uint8Array(await canvas.encode('jpeg', 50));
    const verdict = await inspect(
      await makeScanPdf([{ widthPt: 595.28, heightPt: 841.89, image: { kind: 'jpeg', bytes: jpeg } }]),
    );
    expect(codes(verdict)).toEqual([]);
    // The same page empty is blank.
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, 2480, 3508);
    const empty = new Uint8Array(await canvas.encode('jpeg', 50));
    expect(
      codes(
        await inspect(
          await makeScanPdf([{ widthPt: 595.28, heightPt: 841.89, image: { kind: 'jpeg', bytes: empty } }]),
        ),
      ),
    ).toEqual(['content.blank_scan']);
  });

  it('does not call a flat image blank when its soft mask draws the writing, and calls a white page blank', async () => {
    const flatBlack = deflate(new Uint8Array(1000 * 1000));
    const writing = new Uint8Array(1000 * 1000);
    for (let y = 100; y < 900; y += 40)
      for (let x = 100; x < 900; x += 1)
        if ((x >> 4) % 3 !== 0) writing.fill(255, y * 1000 + x, y * 1000 + x + 1);
    const pdf = (mask: Uint8Array) =>
      rawPdf(
        [
          '<< /Type /Catalog /Pages 2 0 R >>',
          '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
          PAGE_720,
          streamBody(
            '/Type /XObject /Subtype /Image /Width 1000 /Height 1000 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /SMask 6 0 R',
            flatBlack,
          ),
          drawWhole,
          streamBody(
            '/Type /XObject /Subtype /Image /Width 1000 /Height 1000 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode',
            deflate(mask),
          ),
        ],
        '/Root 1 0 R',
      );
    expect(await inspect(pdf(writing))).toMatchObject({ status: 'accepted', dpi: 100, problems: [] });
    // A soft mask that hides everything leaves white paper: blank.
    expect(codes(await inspect(pdf(new Uint8Array(1000 * 1000))))).toEqual(['content.blank_scan']);
    expect(codes(await onePage('png', await makePng(1000, 1000, 'blank')))).toEqual(['content.blank_scan']);
  });

  it('takes the blank threshold from the campaign settings', async () => {
    const rules = fileRulesFromCampaign({ files: { blankInkPercent: 60 } });
    if (rules instanceof Error) throw rules;
    expect(rules.blankInkPercent).toBe(60);
    const text = await makeScanPdf([
      { widthPt: 720, heightPt: 720, image: { kind: 'png', bytes: await makePng(1000, 1000, 'text') } },
    ]);
    expect(codes(await inspect(text))).toEqual([]);
    expect(codes(await inspect(text, { ...rules, maxBytes: BIG.maxBytes }))).toEqual(['content.blank_scan']);
  });
});

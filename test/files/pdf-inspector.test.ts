import { PDFDocument, degrees } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectFile } from '../../src/files/file-inspector.js';
import { DEFAULT_FILE_RULES, type FileRules } from '../../src/files/file-rules.js';
import type { FileVerdict } from '../../src/domain/file-verdict.js';
import { makeJpeg, makePng, makeScanOfSize, makeScanPdf, rawPdf, streamBody } from './support/scan-corpus.js';

const now = new Date('2025-03-10T03:00:00Z');
const NAME = 'KS.2010.01.001.pdf';
const inspect = (bytes: Uint8Array, rules: FileRules = DEFAULT_FILE_RULES, name = NAME) =>
  inspectFile({ name, bytes }, rules, now);
const codes = (verdict: FileVerdict) => verdict.problems.map((problem) => problem.code);

// 1000 px over 720 pt (10 in) is exactly 100 dpi, the default minimum.
let textJpeg: Uint8Array;
let scan100dpi: Uint8Array;

beforeAll(async () => {
  textJpeg = await makeJpeg(1000, 1000, 'text', 20);
  scan100dpi = await makeScanPdf([{ widthPt: 720, heightPt: 720, image: { kind: 'jpeg', bytes: textJpeg } }]);
});

describe('inspectFile on well-formed scans', () => {
  it('accepts a one-page scan at exactly the minimum dpi', async () => {
    const verdict = await inspect(scan100dpi);
    expect(verdict).toMatchObject({
      status: 'accepted',
      problems: [],
      pages: 1,
      dpi: 100,
      format: 'pdf',
      name: NAME,
    });
  });

  it('rejects one pixel less as illegible, naming the dpi and the minimum', async () => {
    const bytes = await makeScanPdf([
      { widthPt: 720, heightPt: 720, image: { kind: 'jpeg', bytes: await makeJpeg(999, 1000, 'text', 20) } },
    ]);
    const verdict = await inspect(bytes);
    expect(verdict.status).toBe('rejected');
    expect(verdict.problems).toEqual([
      expect.objectContaining({ code: 'content.low_dpi', severity: 'error', measured: 99.9, limit: 100 }),
    ]);
    expect(verdict.problems[0]?.message).toMatch(/99 dpi.*100 dpi/);
  });

  it('takes the lower of the two axes, and measures a rotated image the way it is drawn', async () => {
    // 2000×1000 px on a 720×720 pt page: 200 dpi across, 100 dpi down.
    const square = await makeScanPdf([
      { widthPt: 720, heightPt: 720, image: { kind: 'jpeg', bytes: await makeJpeg(2000, 1000, 'text', 10) } },
    ]);
    expect((await inspect(square)).dpi).toBe(100);
    // A landscape 1400×1000 image turned a quarter onto a portrait 720×1008 pt page (as flatbed scans
    // are): its 1400 px run down 14 in, its 1000 px across 10 in → 100 dpi.
    const document = await PDFDocument.create();
    const page = document.addPage([720, 1008]);
    const image = await document.embedJpg(await makeJpeg(1400, 1000, 'text', 10));
    page.drawImage(image, { x: 720, y: 0, width: 1008, height: 720, rotate: degrees(90) });
    expect((await inspect(await document.save())).dpi).toBe(100);
    // The same image stretched unrotated over the page is squeezed down: 1000 px over 14 in → 71.4 dpi.
    const stretched = await makeScanPdf([
      {
        widthPt: 720,
        heightPt: 1008,
        image: { kind: 'jpeg', bytes: await makeJpeg(1400, 1000, 'text', 10) },
      },
    ]);
    expect((await inspect(stretched)).dpi).toBe(71.4);
  });

  it('follows the campaign minimum dpi', async () => {
    expect(
      (await inspect(scan100dpi, { ...DEFAULT_FILE_RULES, minDpi: 150 })).problems.map((p) => p.code),
    ).toEqual(['content.low_dpi']);
    expect((await inspect(scan100dpi, { ...DEFAULT_FILE_RULES, minDpi: 72 })).status).toBe('accepted');
  });

  it('reads PNG (Flate) images and object-stream PDFs', async () => {
    const png = await makeScanPdf(
      [{ widthPt: 720, heightPt: 720, image: { kind: 'png', bytes: await makePng(1000, 1000, 'text') } }],
      {
        useObjectStreams: true,
      },
    );
    expect(await inspect(png)).toMatchObject({ status: 'accepted', pages: 1, dpi: 100 });
  });

  it('finds an image wrapped in a form XObject', async () => {
    const source = await PDFDocument.load(scan100dpi);
    const target = await PDFDocument.create();
    const [embedded] = await target.embedPages([source.getPage(0)]);
    if (!embedded) throw new Error('embedPages returned nothing');
    target.addPage([720, 720]).drawPage(embedded, { x: 0, y: 0 });
    expect(await inspect(await target.save())).toMatchObject({ status: 'accepted', dpi: 100 });
  });
});

describe('size limit', () => {
  it('accepts exactly the limit and rejects one byte more', async () => {
    const exact = await makeScanOfSize(102_400, textJpeg);
    expect(exact.length).toBe(102_400);
    expect((await inspect(exact)).status).toBe('accepted');
    const over = await makeScanOfSize(102_401, textJpeg);
    const verdict = await inspect(over);
    expect(verdict.status).toBe('rejected');
    expect(verdict.problems).toEqual([
      expect.objectContaining({ code: 'size.too_large', measured: 102_401, limit: 102_400 }),
    ]);
    // What a file manager shows: 102,401 B is 100,1 KB (rounded up, decimal comma), the limit 100,0 KB.
    expect(verdict.problems[0]?.message).toContain('100,1 KB');
    expect(verdict.problems[0]?.message).toContain('100,0 KB');
  });

  it('follows the campaign size limit', async () => {
    const rules = { ...DEFAULT_FILE_RULES, maxBytes: scan100dpi.length };
    expect((await inspect(scan100dpi, rules)).status).toBe('accepted');
    expect(codes(await inspect(scan100dpi, { ...rules, maxBytes: scan100dpi.length - 1 }))).toEqual([
      'size.too_large',
    ]);
  });

  it('still reports content problems of an oversized file', async () => {
    const big = await makeScanPdf([
      { widthPt: 720, heightPt: 720, image: { kind: 'jpeg', bytes: await makeJpeg(500, 500, 'noise', 95) } },
    ]);
    expect(codes(await inspect(big, { ...DEFAULT_FILE_RULES, maxBytes: 1000 }))).toEqual([
      'size.too_large',
      'content.low_dpi',
    ]);
  });
});

describe('pages and images', () => {
  it('warns about several pages but accepts them', async () => {
    const page = { widthPt: 720, heightPt: 720, image: { kind: 'jpeg' as const, bytes: textJpeg } };
    const verdict = await inspect(await makeScanPdf([page, page]), {
      ...DEFAULT_FILE_RULES,
      maxBytes: 1_000_000,
    });
    expect(verdict).toMatchObject({ status: 'warnings', pages: 2 });
    expect(verdict.problems).toEqual([
      expect.objectContaining({ code: 'content.multi_page', severity: 'warning', measured: 2 }),
    ]);
  });

  it('rejects typed text and empty pages, listing which pages lack a scan', async () => {
    const typed = await inspect(
      await makeScanPdf([
        { widthPt: 595, heightPt: 842, text: 'Giấy khai sinh'.normalize('NFD').replace(/[^\x20-\x7e]/g, '') },
      ]),
    );
    expect(codes(typed)).toEqual(['content.no_image']);
    const mixed = await inspect(
      await makeScanPdf([
        { widthPt: 720, heightPt: 720, image: { kind: 'jpeg', bytes: textJpeg } },
        { widthPt: 720, heightPt: 720 },
        { widthPt: 720, heightPt: 720 },
      ]),
    );
    expect(codes(mixed)).toEqual(['content.multi_page', 'content.no_image']);
    expect(mixed.problems[1]?.message).toContain('Các trang 2 và 3');
  });

  it('rejects a PDF without pages', async () => {
    const empty = rawPdf(
      ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>'],
      '/Root 1 0 R',
    );
    expect(await inspect(empty)).toMatchObject({
      status: 'rejected',
      pages: 0,
      problems: [expect.objectContaining({ code: 'content.no_pages' })],
    });
  });

  it('warns about a blank scan (white, black or grey) without decoding it', async () => {
    for (const content of ['blank', 'black', 'grey'] as const) {
      const verdict = await inspect(
        await makeScanPdf([
          {
            widthPt: 720,
            heightPt: 720,
            image: { kind: 'jpeg', bytes: await makeJpeg(1200, 1200, content) },
          },
        ]),
      );
      expect(verdict.status).toBe('warnings');
      expect(codes(verdict)).toEqual(['content.blank_scan']);
    }
    const blankPng = await makeScanPdf([
      { widthPt: 720, heightPt: 720, image: { kind: 'png', bytes: await makePng(1200, 1200, 'blank') } },
    ]);
    expect(codes(await inspect(blankPng))).toEqual(['content.blank_scan']);
  });

  it('does not call a real text page blank', async () => {
    for (const kind of ['jpeg', 'png'] as const) {
      const bytes =
        kind === 'jpeg' ? await makeJpeg(1200, 1200, 'text', 5) : await makePng(1200, 1200, 'text');
      const verdict = await inspect(
        await makeScanPdf([{ widthPt: 720, heightPt: 720, image: { kind, bytes } }]),
      );
      expect(codes(verdict)).not.toContain('content.blank_scan');
    }
  });
});

describe('damaged and encrypted PDFs', () => {
  it('rejects a truncated file as truncated, not also as damaged', async () => {
    for (const keep of [0.3, 0.6, 0.95]) {
      const verdict = await inspect(scan100dpi.subarray(0, Math.floor(scan100dpi.length * keep)));
      expect(verdict.status).toBe('rejected');
      expect(codes(verdict)).toContain('pdf.truncated');
      expect(codes(verdict)).not.toContain('pdf.damaged');
    }
  });

  it('rejects a PDF header followed by garbage as damaged', async () => {
    const garbage = new Uint8Array(
      Buffer.from(`%PDF-1.4\n${'Ủy ban nhân dân '.repeat(50)}\n%%EOF\n`, 'utf8'),
    );
    expect(codes(await inspect(garbage))).toEqual(['pdf.damaged']);
  });

  it('rejects an encrypted PDF (classic trailer)', async () => {
    const encrypted = rawPdf(
      [
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [] /Count 0 >>',
        '<< /Filter /Standard /V 2 /R 3 /Length 128 /O <00> /U <00> /P -3904 >>',
      ],
      '/Root 1 0 R /Encrypt 3 0 R /ID [<01> <01>]',
    );
    const verdict = await inspect(encrypted);
    expect(codes(verdict)).toEqual(['pdf.encrypted']);
    expect(verdict.problems[0]?.message).toContain('mật khẩu');
  });

  it('rejects an encrypted PDF whose trailer is an XRef stream', async () => {
    const xref = streamBody(
      '/Type /XRef /Size 2147483647 /W [1 4 2] /Root 1 0 R /Encrypt 3 0 R',
      new Uint8Array(14),
    );
    const encrypted = rawPdf(
      [
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [] /Count 0 >>',
        '<< /Filter /Standard /V 4 /R 4 >>',
        xref,
      ],
      '',
    );
    expect(codes(await inspect(encrypted))).toEqual(['pdf.encrypted']);
  });

  it('does not mistake /EncryptMetadata for encryption', async () => {
    const plain = rawPdf(
      [
        '<< /Type /Catalog /Pages 2 0 R /X << /EncryptMetadata false >> >>',
        '<< /Type /Pages /Kids [] /Count 0 >>',
      ],
      '/Root 1 0 R',
    );
    expect(codes(await inspect(plain))).toEqual(['content.no_pages']);
  });
});

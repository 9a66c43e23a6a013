import { PDFParser } from 'pdf-lib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inspectFile } from '../../src/files/file-inspector.js';
import { DEFAULT_FILE_RULES } from '../../src/files/file-rules.js';
import type { FileVerdict } from '../../src/domain/file-verdict.js';
import {
  DEFAULT_PDF_PARSE_LIMITS,
  PDF_LIB_INTERNALS,
  WORK_PER_OBJECT,
  parsePdfGuarded,
} from '../../src/files/guarded-pdf-parser.js';
import { deflate, deflatedZeros, makeJpeg, rawPdf, streamBody } from './support/scan-corpus.js';

// Hostile inputs must end in a verdict, never a hang, a crash or a gigabyte allocation. Every bound counts
// work (objects, values, bytes scanned or inflated), never milliseconds, so verdicts do not depend on the
// machine's load. Timing and memory numbers live in bench/files/inspector.bench.ts.

const now = new Date('2025-03-10T03:00:00Z');
const GIB = 1024 ** 3;
const inspect = (bytes: Uint8Array) =>
  inspectFile(
    { name: 'KS.2010.01.001.pdf', bytes },
    { ...DEFAULT_FILE_RULES, maxBytes: 64 * 1024 * 1024 },
    now,
  );
const codes = (verdict: FileVerdict) => verdict.problems.map((problem) => problem.code);
const CATALOG = '<< /Type /Catalog /Pages 2 0 R >>';
const NO_PAGES = '<< /Type /Pages /Kids [] /Count 0 >>';
// An image XObject whose (fake) data is looked at no further than its JPEG start marker: 1000 px over
// 720 pt = 100 dpi.
const FAKE_IMAGE = streamBody(
  '/Type /XObject /Subtype /Image /Width 1000 /Height 1000 /Filter /DCTDecode',
  new Uint8Array(4096).fill(7).fill(0xff, 0, 1).fill(0xd8, 1, 2),
);

/** A page (object 3) over 720×720 pt whose image (object 4) is `image`. */
function onePage(image: string | Uint8Array, extra: (string | Uint8Array)[] = []): Uint8Array {
  return rawPdf(
    [
      CATALOG,
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 720 720] /Resources << /XObject << /Im0 4 0 R >> >> >>',
      image,
      ...extra,
    ],
    '/Root 1 0 R',
  );
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('inflation bombs', () => {
  it('refuses an object stream that inflates to 1 GiB, without inflating it', async () => {
    const bomb = streamBody('/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode', deflatedZeros(GIB));
    expect(bomb.length).toBeLessThan(1_200_000);
    const verdict = await inspect(rawPdf([CATALOG, NO_PAGES, bomb], '/Root 1 0 R'));
    expect(verdict.status).toBe('rejected');
    expect(verdict.problems).toEqual([
      expect.objectContaining({ code: 'pdf.too_complex', measured: 'inflated' }),
    ]);
  });

  it('refuses many object streams that only add up to too much', async () => {
    const chunk = streamBody('/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode', deflatedZeros(512 * 1024));
    const verdict = await inspect(
      rawPdf([CATALOG, NO_PAGES, ...Array.from({ length: 40 }, () => chunk)], '/Root 1 0 R'),
    );
    expect(codes(verdict)).toEqual(['pdf.too_complex']);
  });

  it('inflates a 1 GiB image or content stream only up to its cap, never in full', async () => {
    const image = streamBody(
      '/Type /XObject /Subtype /Image /Width 40000 /Height 40000 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode',
      deflatedZeros(GIB),
    );
    const contents = streamBody('/Filter /FlateDecode', deflatedZeros(GIB));
    const pdf = rawPdf(
      [
        CATALOG,
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 720 720] /Contents 5 0 R /Resources << /XObject << /Im0 4 0 R >> >> >>',
        image,
        contents,
      ],
      '/Root 1 0 R',
    );
    const verdict = await inspect(pdf);
    // The content stream is over its cap, so the page is judged by its image: the first rows (all zero,
    // within the pixel cap) make it a blank scan, at 4000 dpi.
    expect(verdict).toMatchObject({ status: 'warnings', pages: 1, dpi: 4000 });
    expect(codes(verdict)).toEqual(['content.blank_scan']);
  });

  it('skips an XRef stream (its /Size could drive a 2-billion-step loop) but keeps its trailer', async () => {
    const jpeg = await makeJpeg(1000, 1000, 'text', 10);
    const xref = streamBody(
      '/Type /XRef /Size 2147483647 /W [4 4 4] /Root 1 0 R /Filter /FlateDecode',
      deflatedZeros(64 * 1024 * 1024),
    );
    const pdf = onePage(
      streamBody(
        '/Type /XObject /Subtype /Image /Width 1000 /Height 1000 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode',
        jpeg,
      ),
      [xref],
    );
    expect(await inspect(pdf)).toMatchObject({ status: 'accepted', dpi: 100 });
  });
});

describe('hostile object graphs', () => {
  it('stops at a cyclic page tree and calls it damaged', async () => {
    const cyclic = rawPdf(
      [
        CATALOG,
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        '<< /Type /Pages /Kids [2 0 R 3 0 R 4 0 R] /Parent 2 0 R >>',
        '<< /Type /Page /MediaBox [0 0 720 720] >>',
      ],
      '/Root 1 0 R',
    );
    const verdict = await inspect(cyclic);
    expect(codes(verdict)).toEqual(['pdf.damaged', 'content.no_image']);
    expect(verdict.pages).toBe(1);
  });

  it('survives reference loops (a ref to a ref to itself)', async () => {
    const loop = rawPdf(['<< /Type /Catalog /Pages 3 0 R >>', NO_PAGES, '4 0 R', '3 0 R'], '/Root 1 0 R');
    expect(codes(await inspect(loop))).toEqual(['pdf.damaged']);
  });

  it('caps the depth of a page tree', async () => {
    const depth = 200;
    const nodes = Array.from(
      { length: depth },
      (_, index) => `<< /Type /Pages /Kids [${index + 3} 0 R] /Count 1 >>`,
    );
    const pdf = rawPdf([CATALOG, ...nodes, '<< /Type /Page /MediaBox [0 0 720 720] >>'], '/Root 1 0 R');
    expect(codes(await inspect(pdf))).toContain('pdf.too_complex');
  });

  it('answers for thousands of objects', async () => {
    const filler = Array.from(
      { length: 5_000 },
      (_, index) => `<< /Filler ${index} /Array [1 2 3 (text)] >>`,
    );
    const verdict = await inspect(onePage(FAKE_IMAGE, filler));
    expect(verdict).toMatchObject({ status: 'accepted', pages: 1, dpi: 100 });
  });

  it('refuses tens of thousands of objects as too complex', async () => {
    const filler = Array.from({ length: 30_000 }, (_, index) => `${index}`);
    expect(codes(await inspect(onePage('<< /Subtype /Image /Width 1 /Height 1 >>', filler)))).toEqual([
      'pdf.too_complex',
    ]);
  });

  it('refuses an object stream claiming millions of objects before building its table', async () => {
    const header = '1 0 2 0 ';
    const claim = streamBody(
      '/Type /ObjStm /N 5000000 /First 8 /Filter /FlateDecode',
      deflate(`${header}1 2`),
    );
    expect(codes(await inspect(rawPdf([CATALOG, NO_PAGES, claim], '/Root 1 0 R')))).toEqual([
      'pdf.too_complex',
    ]);
  });

  it.each([
    ['100,000 nested arrays', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
    ['100,000 nested dictionaries', '<< /a '.repeat(100_000)],
    ['a 2 MB string', `(${'a'.repeat(2_000_000)})`],
    ['a 2 MB name', `/${'a'.repeat(2_000_000)}`],
    ['a 2 MB number', '9'.repeat(2_000_000)],
    ['a million numbers', `[${'0 '.repeat(1_000_000)}]`],
    ['300,000 distinct names', `[${Array.from({ length: 300_000 }, (_, index) => `/n${index}`).join(' ')}]`],
    [
      '300,000 distinct references',
      `[${Array.from({ length: 300_000 }, (_, index) => `${index + 9_000_000} 0 R`).join(' ')}]`,
    ],
  ])('answers for %s', async (_label, body) => {
    const verdict = await inspect(onePage('<< /Subtype /Image /Width 1000 /Height 1000 >>', [body]));
    expect(['accepted', 'rejected']).toContain(verdict.status);
  });

  it.each([
    ['2 MB of spaces', ' '.repeat(2_000_000)],
    ['2 MB of digits', '7'.repeat(2_000_000)],
    ['half a million fake headers', '1 0 '.repeat(500_000)],
    ['unterminated streams', '9 0 obj << >> stream\nendobj\n'.repeat(10_000)],
  ])('answers for junk between objects: %s', async (_label, junk) => {
    const valid = onePage(FAKE_IMAGE);
    const text = Buffer.from(valid).toString('latin1');
    // After the last object, where pdf-lib's skipJibberish runs over it; inside an unterminated stream it
    // would swallow the objects that follow, as in any reader.
    const at = text.indexOf('xref');
    const bytes = new Uint8Array(Buffer.from(`${text.slice(0, at)}x${junk}\n${text.slice(at)}`, 'latin1'));
    const verdict = await inspect(bytes);
    expect(verdict.pages).toBe(1);
  });

  it('stops a parse that runs past its work budget, counted in work units, not time', async () => {
    const filler = Array.from({ length: 15_000 }, (_, index) => `<< /F ${index} >>`);
    const pdf = onePage('<< >>', filler);
    const full = await parsePdfGuarded(pdf);
    if (!full.ok) throw new Error(`expected a parse, got ${full.fault}`);
    // Every object and value is charged, so the count is the same on any machine, busy or not.
    expect(full.work).toBeGreaterThan(15_000 * WORK_PER_OBJECT);
    expect(full.work).toBeLessThan(DEFAULT_PDF_PARSE_LIMITS.maxWorkUnits / 2);
    expect(await parsePdfGuarded(pdf)).toMatchObject({ ok: true, work: full.work });
    const result = await parsePdfGuarded(pdf, { ...DEFAULT_PDF_PARSE_LIMITS, maxWorkUnits: full.work - 1 });
    expect(result).toEqual({ ok: false, fault: 'too_complex', detail: 'work' });
  });

  it('bounds a file that makes every object rescan the rest (thousands of unbalanced strings)', async () => {
    // Each `(` run is an unterminated string: each object's string scan reads up to a megabyte ahead.
    // Unbounded, this is quadratic (seconds); the work budget stops it.
    const strings = Array.from({ length: 2_000 }, () => '('.repeat(1_000));
    expect(codes(await inspect(onePage('<< /Subtype /Image /Width 1 /Height 1 >>', strings)))).toEqual([
      'pdf.too_complex',
    ]);
  });
});

describe('hostile content streams and images', () => {
  it('bounds a form XObject that draws itself ten times per level (10⁴ draws at most, by depth and tokens)', async () => {
    const form = streamBody(
      '/Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources << /XObject << /F 5 0 R /Im0 4 0 R >> >>',
      new Uint8Array(Buffer.from(`${'q 0.5 0 0 0.5 0 0 cm /F Do Q '.repeat(10)}/Im0 Do`, 'latin1')),
    );
    const pdf = rawPdf(
      [
        CATALOG,
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 720 720] /Contents 6 0 R /Resources << /XObject << /F 5 0 R /Im0 4 0 R >> >> >>',
        FAKE_IMAGE,
        form,
        streamBody('', new Uint8Array(Buffer.from('q 720 0 0 720 0 0 cm /F Do Q', 'latin1'))),
      ],
      '/Root 1 0 R',
    );
    const verdict = await inspect(pdf);
    expect(verdict).toMatchObject({ pages: 1 });
    expect(codes(verdict)).not.toContain('pdf.damaged');
  });

  it('decodes an image drawn thousands of times once, and a 1 GiB image only up to the pixel cap', async () => {
    const draws = 'q 720 0 0 720 0 0 cm /Im0 Do Q '.repeat(5000);
    const image = streamBody(
      '/Type /XObject /Subtype /Image /Width 40000 /Height 40000 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode',
      deflatedZeros(GIB),
    );
    const pdf = rawPdf(
      [
        CATALOG,
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 720 720] /Contents 5 0 R /Resources << /XObject << /Im0 4 0 R >> >> >>',
        image,
        streamBody('/Filter /FlateDecode', deflate(draws)),
      ],
      '/Root 1 0 R',
    );
    const verdict = await inspect(pdf);
    expect(verdict).toMatchObject({ status: 'warnings', dpi: 4000 });
    expect(codes(verdict)).toEqual(['content.blank_scan']);
  });
});

describe('console hygiene', () => {
  it('keeps pdf-lib warnings about broken files out of the log and restores the console', async () => {
    const warn = vi.spyOn(console, 'warn');
    const before = console.warn;
    await inspect(rawPdf([CATALOG, NO_PAGES, '<< /Broken [ 1 2 '], '/Root 1 0 R'));
    await inspect(
      new Uint8Array(Buffer.from('%PDF-1.7\n0 0 obj\n1\nendobj\n1 0 obj (((\nendobj\n%%EOF', 'latin1')),
    );
    expect(warn).not.toHaveBeenCalled();
    expect(console.warn).toBe(before);
    // Files share a worker process (vitest.config.ts, isolate: false): leave the console as found.
    warn.mockRestore();
  });
});

describe('pdf-lib internals the guard replaces', () => {
  it('still exist on pdf-lib parser instances (fails loudly after a pdf-lib upgrade that moves them)', () => {
    const parser = PDFParser.forBytesWithOptions(new Uint8Array(Buffer.from('%PDF-1.7\n', 'latin1')));
    const bytes = (parser as unknown as { bytes: Record<string, unknown> }).bytes;
    expect(typeof bytes.slice, 'ByteStream.slice').toBe('function');
    for (const name of PDF_LIB_INTERNALS) {
      expect(typeof (parser as unknown as Record<string, unknown>)[name], name).toBe('function');
    }
  });
});

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectFile } from '../../src/files/file-inspector.js';
import { DEFAULT_FILE_RULES } from '../../src/files/file-rules.js';
import type { FileVerdict } from '../../src/domain/file-verdict.js';
import { openZip } from '../../src/files/zip-reader.js';
import { makeJpeg } from './support/scan-corpus.js';

// PDFs written by real tools (img2pdf, qpdf, Ghostscript, Info-ZIP) rather than by pdf-lib: object streams,
// xref streams, linearization, AES encryption, rasterized pages. Each test skips when its tool is missing
// (apt-get install img2pdf qpdf ghostscript poppler-utils zip).

const now = new Date('2025-03-10T03:00:00Z');
const has = (tool: string) => spawnSync(tool, ['--version'], { stdio: 'ignore' }).status === 0;
const tools = {
  img2pdf: has('img2pdf'),
  qpdf: has('qpdf'),
  gs: has('gs'),
  pdfinfo: spawnSync('pdfinfo', ['-v'], { stdio: 'ignore' }).status === 0,
  zip: has('zip'),
};
const missing = Object.entries(tools)
  .filter(([, present]) => !present)
  .map(([tool]) => tool);
if (missing.length > 0)
  console.info(`debian-tools.test: skipping tests that need ${missing.join(', ')} (not installed)`);

// Real scans can exceed the size limit here; these tests are about structure, not size.
const rules = { ...DEFAULT_FILE_RULES, maxBytes: 10 * 1024 * 1024 };
const codes = (verdict: FileVerdict) => verdict.problems.map((problem) => problem.code);

let dir: string;
const path = (name: string) => join(dir, name);
const inspectPath = async (name: string) =>
  inspectFile({ name: 'KS.2010.01.001.pdf', bytes: await readFile(path(name)) }, rules, now);
const run = (tool: string, args: string[]) =>
  execFileSync(tool, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
const pdfinfoPages = (name: string) =>
  Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [path(name)]).toString())?.[1]);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sohoa-debian-'));
  // 1240×1754 px is A4 at 150 dpi.
  await writeFile(path('scan.jpg'), await makeJpeg(1240, 1754, 'text', 20));
  if (tools.img2pdf)
    run('img2pdf', ['--pagesize', 'A4', '--imgsize', 'A4', '-o', path('img2pdf.pdf'), path('scan.jpg')]);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.skipIf(!tools.img2pdf)('img2pdf', () => {
  it('accepts an img2pdf scan and measures 150 dpi on A4', async () => {
    // 1240 px over A4's 595.28 pt is 149.99 dpi, shown rounded down to one decimal.
    expect(await inspectPath('img2pdf.pdf')).toMatchObject({ status: 'accepted', pages: 1, dpi: 149.9 });
  });

  it.skipIf(!tools.pdfinfo)('agrees with pdfinfo on the page count', async () => {
    expect((await inspectPath('img2pdf.pdf')).pages).toBe(pdfinfoPages('img2pdf.pdf'));
  });
});

describe.skipIf(!tools.img2pdf || !tools.qpdf)('qpdf rewrites', () => {
  it.each([
    ['object and xref streams', ['--object-streams=generate']],
    ['linearized', ['--linearize']],
    ['compressed streams, QDF off', ['--compress-streams=y', '--recompress-flate']],
  ])('accepts %s', async (label, flags) => {
    const name = `qpdf-${label.replace(/\W+/g, '-')}.pdf`;
    run('qpdf', [...flags, path('img2pdf.pdf'), path(name)]);
    expect(await inspectPath(name)).toMatchObject({ status: 'accepted', pages: 1, dpi: 149.9 });
  });

  it.each([
    ['AES-256 with a user password', ['--encrypt', 'mat-khau', 'chu-so-huu', '256', '--']],
    ['AES-128 with an empty user password', ['--encrypt', '', 'chu-so-huu', '128', '--use-aes=y', '--']],
    [
      'RC4-40 with object streams',
      ['--object-streams=generate', '--allow-weak-crypto', '--encrypt', 'a', 'b', '40', '--'],
    ],
  ])('rejects %s as encrypted', async (label, flags) => {
    const name = `enc-${label.replace(/\W+/g, '-')}.pdf`;
    run('qpdf', [...flags, path('img2pdf.pdf'), path(name)]);
    expect(codes(await inspectPath(name))).toEqual(['pdf.encrypted']);
  });

  it('rejects a qpdf-written file cut short', async () => {
    run('qpdf', ['--object-streams=generate', path('img2pdf.pdf'), path('cut.pdf')]);
    const bytes = await readFile(path('cut.pdf'));
    const verdict = await inspectFile(
      { name: 'KS.2010.01.001.pdf', bytes: bytes.subarray(0, bytes.length - 2000) },
      rules,
      now,
    );
    expect(codes(verdict)).toContain('pdf.truncated');
  });
});

describe.skipIf(!tools.gs)('Ghostscript', () => {
  /** Ghostscript in batch: `options`, then `output` (in the temp dir) written by `device`, then the inputs. */
  const gs = (device: string, output: string, options: string[], inputs: string[]) =>
    run('gs', [
      '-q',
      '-dNOPAUSE',
      '-dBATCH',
      '-dSAFER',
      `-sDEVICE=${device}`,
      ...options,
      `-sOutputFile=${path(output)}`,
      ...inputs,
    ]);
  const postscript = (body: string, name: string) => gs('pdfwrite', name, [], ['-c', body]);

  it('rejects a typed (text-only) page', async () => {
    postscript(
      // A page of typed lines (one short line would be nearly blank paper once rasterized: under 0.1% ink).
      '/Helvetica findfont 20 scalefont setfont 0 1 24 { 28 mul 720 exch sub 72 exch moveto ' +
        '(Giay khai sinh - so 15 - quyen 01 - nam 2010) show } for showpage',
      'typed.pdf',
    );
    expect(codes(await inspectPath('typed.pdf'))).toEqual(['content.no_image']);
  });

  it('accepts that page rasterized at 150 dpi, and rejects it at 72 dpi', async () => {
    gs('pdfimage8', 'raster150.pdf', ['-r150'], [path('typed.pdf')]);
    expect(await inspectPath('raster150.pdf')).toMatchObject({ status: 'accepted', dpi: 150 });
    gs('pdfimage8', 'raster72.pdf', ['-r72'], [path('typed.pdf')]);
    const low = await inspectPath('raster72.pdf');
    expect(low).toMatchObject({ status: 'rejected', dpi: 72 });
    expect(codes(low)).toEqual(['content.low_dpi']);
  });

  it('warns about a rasterized blank page', async () => {
    postscript('showpage', 'empty.pdf');
    gs('pdfimage8', 'blank150.pdf', ['-r150'], [path('empty.pdf')]);
    expect(codes(await inspectPath('blank150.pdf'))).toEqual(['content.blank_scan']);
  });

  it.skipIf(!tools.img2pdf)(
    'accepts a scan re-distilled by Ghostscript, and counts pages like pdfinfo',
    async () => {
      gs('pdfwrite', 'distilled.pdf', [], [path('img2pdf.pdf'), path('img2pdf.pdf')]);
      const verdict = await inspectPath('distilled.pdf');
      expect(verdict).toMatchObject({ status: 'warnings', pages: 2, dpi: 149.9 });
      if (tools.pdfinfo) expect(verdict.pages).toBe(pdfinfoPages('distilled.pdf'));
    },
  );
});

describe.skipIf(!tools.zip || !tools.img2pdf)('Info-ZIP', () => {
  it('reads an archive made by zip, deflated and stored', async () => {
    await writeFile(path('KS.2010.01.001.pdf'), await readFile(path('img2pdf.pdf')));
    await writeFile(path('ghi chú.txt'), 'Sổ khai sinh quyển 01');
    run('zip', ['-q', '-9', 'lo.zip', 'KS.2010.01.001.pdf', 'ghi chú.txt']);
    run('zip', ['-q', '-0', 'lo.zip', 'scan.jpg']);
    const opened = openZip(await readFile(path('lo.zip')));
    if (!opened.ok) throw new Error(opened.fault);
    const entries = [...opened.entries()];
    expect(entries.map((entry) => [entry.name, entry.ok])).toEqual([
      ['KS.2010.01.001.pdf', true],
      ['ghi chú.txt', true],
      ['scan.jpg', true],
    ]);
  });
});

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';
import { inspectFile } from '../../src/files/file-inspector.js';
import { DEFAULT_FILE_RULES } from '../../src/files/file-rules.js';
import { deflatedZeros, rawPdf, seededRandom, streamBody } from '../../test/files/support/scan-corpus.js';

// Prints throughput ratios, never asserts absolute times: machines differ, ratios travel.
//   (a) read + SHA-256 of each file — the floor any upload handler pays
//   (b) read + inspectFile of each file
//   (c) pdfinfo (poppler) per file, when installed — what a shell-out design would cost
//   (d) hostile inputs: time and peak RSS, against the 2 s / 300 MB bound

const FILE_COUNT = 2_000;
const DISTINCT_IMAGES = 8;
const PDFINFO_SAMPLE = 200;
const now = new Date('2025-03-10T03:00:00Z');
const MARKER = 'SOHOA-BENCH-0000000000';

/** Generates the corpus, measures (a)–(d) and prints files/s and ratios. */
export async function runInspectorBench(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'sohoa-inspector-bench-'));
  try {
    const paths = await writeCorpus(dir);
    const sizes = await Promise.all(paths.slice(0, 50).map(async (path) => (await readFile(path)).length));
    console.log(
      `corpus: ${paths.length} one-page scans, ${Math.min(...sizes)}–${Math.max(...sizes)} bytes (sample of 50)`,
    );
    // Warm the JIT on both paths first, then take the best of two alternating passes over all files, so
    // neither side is charged for compilation or a cold page cache.
    for (let pass = 0; pass < 3; pass += 1) {
      await measure(paths.slice(0, 300), readAndHash);
      await measure(paths.slice(0, 300), readAndInspect);
    }
    let hash = 0;
    let inspect = 0;
    for (let pass = 0; pass < 2; pass += 1) {
      hash = Math.max(hash, await measure(paths, readAndHash));
      inspect = Math.max(inspect, await measure(paths, readAndInspect));
    }
    console.log(`(a) read + SHA-256       ${hash.toFixed(0).padStart(8)} files/s`);
    console.log(`(b) read + inspectFile   ${inspect.toFixed(0).padStart(8)} files/s`);
    const pdfinfo = measurePdfinfo(paths.slice(0, PDFINFO_SAMPLE));
    if (pdfinfo === undefined)
      console.log('(c) pdfinfo              not installed (apt-get install poppler-utils)');
    else
      console.log(
        `(c) pdfinfo              ${pdfinfo.toFixed(0).padStart(8)} files/s (${PDFINFO_SAMPLE} files)`,
      );
    console.log(`ratio inspector / read+hash = ${(inspect / hash).toFixed(2)} (goal ≥ 0.25)`);
    if (pdfinfo !== undefined)
      console.log(`ratio inspector / pdfinfo   = ${(inspect / pdfinfo).toFixed(1)} (goal ≥ 20)`);
    await measureHostile();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function readAndHash(path: string): Promise<void> {
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
}

async function readAndInspect(path: string): Promise<void> {
  const verdict = await inspectFile({ name: path, bytes: await readFile(path) }, DEFAULT_FILE_RULES, now);
  if (verdict.status !== 'accepted')
    throw new Error(`bench corpus file rejected: ${verdict.problems.map((p) => p.code).join(', ')}`);
}

async function measure(paths: readonly string[], work: (path: string) => Promise<void>): Promise<number> {
  const start = performance.now();
  for (const path of paths) await work(path);
  return paths.length / ((performance.now() - start) / 1000);
}

function measurePdfinfo(paths: readonly string[]): number | undefined {
  if (spawnSync('pdfinfo', ['-v'], { stdio: 'ignore' }).status !== 0) return undefined;
  const start = performance.now();
  for (const path of paths) spawnSync('pdfinfo', [path], { stdio: 'ignore' });
  return paths.length / ((performance.now() - start) / 1000);
}

/**
 * 2,000 scans from a few distinct JPEGs: each JPEG carries a comment segment with a placeholder that every
 * copy overwrites with its own number, so no two files share a hash while all stay valid PDFs.
 */
export async function writeCorpus(dir: string, count = FILE_COUNT): Promise<string[]> {
  const bases: Buffer[] = [];
  for (let index = 0; index < DISTINCT_IMAGES; index += 1) {
    const target = 60_000 + (index * 38_000) / DISTINCT_IMAGES;
    const jpeg = await scannedPageJpeg(index, target);
    const document = await PDFDocument.create();
    const page = document.addPage([595.28, 841.89]);
    page.drawImage(await document.embedJpg(jpeg), { x: 0, y: 0, width: 595.28, height: 841.89 });
    bases.push(Buffer.from(await document.save()));
  }
  const paths: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const copy = Buffer.from(bases[index % bases.length] ?? Buffer.alloc(0));
    const at = copy.indexOf(MARKER, 0, 'latin1');
    copy.write(`SOHOA-BENCH-${String(index).padStart(10, '0')}`, at, 'latin1');
    const path = join(
      dir,
      `KS.20${String(10 + (index % 15)).padStart(2, '0')}.${String(1 + (index % 40)).padStart(2, '0')}.${String(index).padStart(4, '0')}.pdf`,
    );
    await writeFile(path, copy);
    paths.push(path);
  }
  return paths;
}

/** An A4 page at 100 dpi that looks scanned: off-white paper grain, ruled form lines, handwriting-like marks. */
async function scannedPageJpeg(seed: number, targetBytes: number): Promise<Uint8Array> {
  const [width, height] = [827, 1170];
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  const random = seededRandom(seed + 7);
  const image = context.createImageData(width, height);
  for (let index = 0; index < image.data.length; index += 4) {
    const grain = 228 + random() * 12;
    image.data[index] = grain;
    image.data[index + 1] = grain;
    image.data[index + 2] = grain - 6;
    image.data[index + 3] = 255;
  }
  context.putImageData(image, 0, 0);
  context.fillStyle = 'rgba(30, 30, 60, 0.85)';
  for (let y = 80; y < height - 70; y += 31) {
    context.fillRect(60, y + 20, width - 120, 1);
    for (let x = 70 + random() * 140; x < width - 80; x += 4 + random() * 10)
      context.fillRect(x, y + 5 + random() * 6, 1 + random() * 4, 4 + random() * 10);
  }
  // Lowest quality whose file still reaches the target size: realistic compression, incompressible noise.
  let best: Uint8Array | undefined;
  for (let quality = 5; quality <= 95; quality += 2) {
    const jpeg = new Uint8Array(await canvas.encode('jpeg', quality));
    if (jpeg.length > targetBytes) break;
    best = jpeg;
  }
  if (best === undefined) throw new Error('could not fit the bench image under its target size');
  return withComment(best, MARKER);
}

function withComment(jpeg: Uint8Array, comment: string): Uint8Array {
  const body = Buffer.from(comment, 'latin1');
  const segment = Buffer.alloc(4);
  segment.writeUInt16BE(0xfffe, 0);
  segment.writeUInt16BE(body.length + 2, 2);
  return new Uint8Array(Buffer.concat([jpeg.subarray(0, 2), segment, body, jpeg.subarray(2)]));
}

async function measureHostile(): Promise<void> {
  const catalog = '<< /Type /Catalog /Pages 2 0 R >>';
  const noPages = '<< /Type /Pages /Kids [] /Count 0 >>';
  const cases: [string, () => Uint8Array][] = [
    [
      'object stream inflating to 1 GiB',
      () =>
        rawPdf(
          [
            catalog,
            noPages,
            streamBody('/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode', deflatedZeros(1024 ** 3)),
          ],
          '/Root 1 0 R',
        ),
    ],
    [
      'image stream inflating to 1 GiB',
      () =>
        rawPdf(
          [
            catalog,
            '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
            '<< /Type /Page /MediaBox [0 0 720 720] /Resources << /XObject << /I 4 0 R >> >> >>',
            streamBody(
              '/Subtype /Image /Width 40000 /Height 40000 /Filter /FlateDecode',
              deflatedZeros(1024 ** 3),
            ),
          ],
          '/Root 1 0 R',
        ),
    ],
    [
      'cyclic page tree',
      () =>
        rawPdf(
          [catalog, '<< /Type /Pages /Kids [3 0 R] >>', '<< /Type /Pages /Kids [2 0 R 3 0 R] >>'],
          '/Root 1 0 R',
        ),
    ],
    [
      '19,000 objects',
      () =>
        rawPdf(
          [
            catalog,
            noPages,
            ...Array.from({ length: 19_000 }, (_, index) => `<< /N ${index} /A [1 2 (x)] >>`),
          ],
          '/Root 1 0 R',
        ),
    ],
    [
      '200,000 numbers in one array',
      () => rawPdf([catalog, noPages, `[${'0 '.repeat(199_000)}]`], '/Root 1 0 R'),
    ],
    ['8 MB of fake object headers', () => junkAfterObjects('1 0 '.repeat(2_000_000))],
    ['8 MB of spaces', () => junkAfterObjects(' '.repeat(8_000_000))],
    ['8 MB string', () => rawPdf([catalog, noPages, `(${'a'.repeat(8_000_000)})`], '/Root 1 0 R')],
  ];
  console.log('(d) hostile inputs (bound: verdict within 2 s, RSS growth under 300 MB):');
  const baseline = process.memoryUsage().rss;
  for (const [label, build] of cases) {
    const bytes = build();
    const start = performance.now();
    const verdict = await inspectFile(
      { name: 'KS.2010.01.001.pdf', bytes },
      { ...DEFAULT_FILE_RULES, maxBytes: 64 * 1024 * 1024 },
      now,
    );
    const ms = performance.now() - start;
    const peakGrowth = process.resourceUsage().maxRSS * 1024 - baseline;
    const codes = verdict.problems.map((problem) => problem.code).join(' ');
    console.log(
      `    ${label.padEnd(36)} ${ms.toFixed(0).padStart(6)} ms  peak RSS +${(peakGrowth / 1024 / 1024).toFixed(0).padStart(4)} MB  ${ms < 2000 ? 'ok  ' : 'SLOW'} ${codes}`,
    );
  }
}

function junkAfterObjects(junk: string): Uint8Array {
  const valid = Buffer.from(
    rawPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>'], '/Root 1 0 R'),
  ).toString('latin1');
  const at = valid.indexOf('xref');
  return new Uint8Array(Buffer.from(`${valid.slice(0, at)}x${junk}\n${valid.slice(at)}`, 'latin1'));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runInspectorBench();
}

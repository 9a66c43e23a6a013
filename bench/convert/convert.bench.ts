import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { convertFile } from '../../src/files/convert/convert-file.js';
import { DEFAULT_CONVERT_RULES } from '../../src/files/convert/convert-rules.js';
import { readPdfPageImages } from '../../src/files/convert/pdf-page-images.js';
import { inspectFile } from '../../src/files/file-inspector.js';
import { characterAccuracy, ocrText, ocrUnavailable } from '../../test/files/convert/support/ocr-accuracy.js';
import { registryPage } from '../../test/files/convert/support/registry-page.js';

// Issue 18: on the same generated registry pages (12 MP phone photos and flat scans), what sohoa's
// converter gives against what an IT officer would reach for — Ghostscript's /ebook and /screen presets
// on the photo wrapped into a PDF — in size, legibility (OCR accuracy on the output ÷ on the source) and
// time. Time is printed as a ratio to a plain sharp decode + JPEG encode of the same photo, measured in
// the same run, with the seconds for information. BENCH_CONVERT_PAGES sets the number of pages (8).

const PAGES = Number(process.env.BENCH_CONVERT_PAGES ?? 8);
const LIMIT = DEFAULT_CONVERT_RULES.maxBytes;
const now = new Date('2025-03-10T03:00:00Z');

interface Result {
  bytes: number;
  seconds: number;
  /** OCR accuracy of the output ÷ OCR accuracy of the source; undefined without tesseract. */
  ocrRatio: number | undefined;
  /** The inspector accepts the output (size, and resolution ≥ the campaign's minimum). */
  accepted: boolean;
}

const accepted = async (pdf: Uint8Array) =>
  (await inspectFile({ name: 'KS.2010.01.001.pdf', bytes: pdf }, DEFAULT_CONVERT_RULES, now)).status !==
  'rejected';

type Method = 'sohoa' | 'gs /ebook' | 'gs /screen';

/** Runs the comparison and prints one table and the goals. */
export async function runConvertBench(): Promise<void> {
  const ocrMissing = ocrUnavailable();
  const gsMissing = spawnSync('gs', ['--version']).status !== 0;
  if (ocrMissing) console.log(`OCR skipped: ${ocrMissing}`);
  if (gsMissing) console.log('Ghostscript skipped: gs is not installed (apt-get install ghostscript)');
  const dir = await mkdtemp(join(tmpdir(), 'sohoa-convert-bench-'));
  const results: Record<Method, Result[]> = { sohoa: [], 'gs /ebook': [], 'gs /screen': [] };
  const baseline: number[] = [];
  const photoBaseline: number[] = [];
  const photoSeconds: number[] = [];
  try {
    for (let seed = 1; seed <= PAGES; seed += 1) {
      const page = await registryPage(1000 + seed);
      // Every other page is a flat scan, the rest phone photos: both kinds reach the bot.
      const kind = seed % 2 === 0 ? 'scan' : 'photo';
      const source = page[kind];
      const sourceAccuracy = ocrMissing ? undefined : characterAccuracy(page.text, ocrText(source));
      const ratio = (image: Uint8Array | undefined) =>
        sourceAccuracy === undefined || image === undefined
          ? undefined
          : characterAccuracy(page.text, ocrText(image)) / Math.max(sourceAccuracy, 1e-6);

      let started = performance.now();
      await sharp(source).jpeg({ quality: 80 }).toBuffer();
      baseline.push((performance.now() - started) / 1000);
      if (kind === 'photo') photoBaseline.push(baseline.at(-1) ?? 0);

      started = performance.now();
      const outcome = await convertFile(
        { name: `KS.2010.01.${String(seed).padStart(3, '0')}.jpg`, bytes: source },
        DEFAULT_CONVERT_RULES,
        now,
      );
      const seconds = (performance.now() - started) / 1000;
      if (kind === 'photo') photoSeconds.push(seconds);
      if (outcome.kind !== 'converted') throw new Error(`page ${seed}: ${outcome.kind}`);
      results.sohoa.push({
        bytes: outcome.pdf.length,
        seconds,
        ocrRatio: ratio(await pageImage(outcome.pdf, dir)),
        accepted: await accepted(outcome.pdf),
      });

      if (gsMissing) continue;
      const wrapped = join(dir, 'wrapped.pdf');
      await writeFile(wrapped, await wrapInPdf(source));
      for (const preset of ['ebook', 'screen'] as const) {
        const out = join(dir, `${preset}.pdf`);
        started = performance.now();
        const run = spawnSync('gs', [
          '-sDEVICE=pdfwrite',
          `-dPDFSETTINGS=/${preset}`,
          '-dNOPAUSE',
          '-dBATCH',
          '-dQUIET',
          `-sOutputFile=${out}`,
          wrapped,
        ]);
        const gsSeconds = (performance.now() - started) / 1000;
        if (run.status !== 0) throw new Error(`gs /${preset} failed: ${run.stderr.toString()}`);
        const pdf = await readFile(out);
        results[`gs /${preset}`].push({
          bytes: pdf.length,
          seconds: gsSeconds,
          ocrRatio: ratio(await pageImage(pdf, dir)),
          accepted: await accepted(pdf),
        });
      }
      console.log(`page ${seed} (${kind}) done`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const baseSeconds = mean(baseline);
  console.log(
    `\n${PAGES} pages (${Math.ceil(PAGES / 2)} photos 3000×4000 JPEG, ${Math.floor(PAGES / 2)} A4 scans at 200 dpi PNG); limit ${LIMIT} bytes`,
  );
  console.log(`baseline: sharp decode + JPEG encode of the same input, ${baseSeconds.toFixed(2)} s per page`);
  console.log(
    'method       mean KB   max KB  within limit  inspector accepts  OCR ratio (min / mean)  s/page  × baseline',
  );
  for (const [method, rows] of Object.entries(results) as [Method, Result[]][]) {
    if (rows.length === 0) continue;
    const within = rows.filter((r) => r.bytes <= LIMIT).length / rows.length;
    const passed = rows.filter((r) => r.accepted).length / rows.length;
    const ratios = rows.flatMap((r) => (r.ocrRatio === undefined ? [] : [r.ocrRatio]));
    const ocr =
      ratios.length === 0 ? 'n/a' : `${Math.min(...ratios).toFixed(3)} / ${mean(ratios).toFixed(3)}`;
    const seconds = mean(rows.map((r) => r.seconds));
    console.log(
      `${method.padEnd(12)} ${(mean(rows.map((r) => r.bytes)) / 1024).toFixed(1).padStart(7)} ${(Math.max(...rows.map((r) => r.bytes)) / 1024).toFixed(1).padStart(8)}  ${`${(within * 100).toFixed(0)}%`.padStart(12)}  ${`${(passed * 100).toFixed(0)}%`.padStart(17)}  ${ocr.padStart(22)}  ${seconds.toFixed(2).padStart(6)}  ${(seconds / baseSeconds).toFixed(1).padStart(10)}`,
    );
  }
  const share = (method: Method) => {
    const rows = results[method];
    return rows.length === 0 ? undefined : rows.filter((r) => r.bytes <= LIMIT).length / rows.length;
  };
  const meanRatio = (method: Method) => {
    const ratios = results[method].flatMap((r) => (r.ocrRatio === undefined ? [] : [r.ocrRatio]));
    return ratios.length === 0 ? undefined : mean(ratios);
  };
  const sohoaShare = share('sohoa') ?? 0;
  console.log('\ngoals:');
  console.log(
    `  sohoa within the limit for ≥ 95% of pages: ${(sohoaShare * 100).toFixed(0)}% ${sohoaShare >= 0.95 ? 'MET' : 'NOT MET'}`,
  );
  const acceptedShare = (method: Method) => {
    const rows = results[method];
    return rows.length === 0 ? undefined : rows.filter((r) => r.accepted).length / rows.length;
  };
  for (const preset of ['gs /ebook', 'gs /screen'] as const) {
    const ours = acceptedShare('sohoa') ?? 0;
    const theirs = acceptedShare(preset);
    if (theirs !== undefined) {
      console.log(
        `  accepted by the inspector (size and ≥ ${DEFAULT_CONVERT_RULES.minDpi} dpi) where ${preset} is not: sohoa ${(ours * 100).toFixed(0)}% vs ${(theirs * 100).toFixed(0)}% ${ours >= theirs ? 'MET' : 'NOT MET'}`,
      );
    }
  }
  for (const preset of ['gs /ebook', 'gs /screen'] as const) {
    const gsShare = share(preset);
    if (gsShare !== undefined) {
      console.log(
        `  within the limit where ${preset} is not: sohoa ${(sohoaShare * 100).toFixed(0)}% vs ${(gsShare * 100).toFixed(0)}% ${sohoaShare >= gsShare ? 'MET' : 'NOT MET'}`,
      );
    }
    const ours = meanRatio('sohoa');
    const theirs = meanRatio(preset);
    if (ours !== undefined && theirs !== undefined) {
      console.log(
        `  OCR ratio ≥ ${preset}'s: ${ours.toFixed(3)} vs ${theirs.toFixed(3)} ${ours >= theirs ? 'MET' : 'NOT MET'}`,
      );
    }
  }
  const minRatio = Math.min(...results.sohoa.flatMap((r) => (r.ocrRatio === undefined ? [] : [r.ocrRatio])));
  if (Number.isFinite(minRatio)) {
    console.log(
      `  OCR ratio ≥ 0.95 on every page: lowest ${minRatio.toFixed(3)} ${minRatio >= 0.95 ? 'MET' : 'NOT MET'}`,
    );
  }
  // The photos against the baseline on the same photos: the all-pages baseline averages in the PNG scans,
  // which decode and encode several times faster, and so overstated the photos' ratio (shown for comparison).
  const photo = mean(photoSeconds);
  const photoBase = mean(photoBaseline);
  console.log(
    `  ≤ 1 s per 12 MP photo on 2 cores: ${photo.toFixed(2)} s (${(photo / photoBase).toFixed(1)}× the baseline on the same photos, ${photoBase.toFixed(2)} s; ${(photo / baseSeconds).toFixed(1)}× the all-pages baseline; load average decides how far seconds move) ${photo <= 1 ? 'MET' : 'NOT MET on this machine now'}`,
  );
  console.log(
    `  ≤ 3× the baseline per 12 MP photo: ${(photo / photoBase).toFixed(1)}× ${photo / photoBase <= 3 ? 'MET' : 'NOT MET'}`,
  );
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

/** What an officer does first: the photo as it is, on an A4 page (a PNG scan is made a JPEG first). */
async function wrapInPdf(image: Uint8Array): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const meta = await sharp(image).metadata();
  const jpeg = meta.format === 'jpeg' ? image : await sharp(image).jpeg({ quality: 92 }).toBuffer();
  const embedded = await document.embedJpg(jpeg);
  document.addPage([595, 842]).drawImage(embedded, { x: 0, y: 0, width: 595, height: 842 });
  return document.save();
}

/** The page's image as OCR reads it: the embedded JPEG, or Ghostscript's rendering when there is none. */
async function pageImage(pdf: Uint8Array, dir: string): Promise<Uint8Array | undefined> {
  const images = await readPdfPageImages(pdf);
  if (images.ok && images.pages[0]?.kind === 'encoded') return images.pages[0].bytes;
  const input = join(dir, 'render.pdf');
  const output = join(dir, 'render.png');
  await writeFile(input, pdf);
  const run = spawnSync('gs', [
    '-sDEVICE=pnggray',
    '-r200',
    '-dNOPAUSE',
    '-dBATCH',
    '-dQUIET',
    `-sOutputFile=${output}`,
    input,
  ]);
  return run.status === 0 ? readFile(output) : undefined;
}

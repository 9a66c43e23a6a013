import sharp, { type JpegOptions, type Sharp } from 'sharp';
import type { PageGeometry } from './page-geometry.js';
import { writeJpegPdf, type JpegPage } from './pdf-page-writer.js';
import type { RawPage } from './raw-page.js';

/**
 * Resolutions tried, best first; 100 is the inspector's default floor. 150 dpi is where reading stops
 * improving: measured by OCR on the generated registry pages, 150 dpi at JPEG quality 76 reads better
 * than 200 dpi squeezed to quality 50 into the same 100 KB (blocking blurs strokes more than fewer
 * pixels do), and the smaller page costs half the time to clean and encode.
 */
const DPI_LADDER = [150, 135, 120, 110, 100] as const;
/** JPEG qualities: above GOOD the text is as sharp as it gets; below FLOOR letters blur into blocks. */
export const QUALITY = { top: 80, good: 45, floor: 30 } as const;

// mozjpeg's tables and trellis quantisation: a third smaller than plain libjpeg at the same quality, and
// twice as fast as full mozjpeg mode (whose progressive scan search saves little more on text pages).
const JPEG_OPTIONS: JpegOptions = {
  quantisationTable: 3,
  optimiseCoding: true,
  trellisQuantisation: true,
  chromaSubsampling: '4:2:0',
};
/** The same tables without trellis: what the search measures with. */
const FAST_JPEG: JpegOptions = { ...JPEG_OPTIONS, trellisQuantisation: false };

/** A cleaned page, ready to be encoded at any resolution up to its own. */
export interface PreparedPage {
  readonly page: RawPage;
  readonly geometry: PageGeometry;
}

/** The encoding found: the PDF, and the resolution and quality it was made at. */
export type EncodingResult =
  | { readonly fits: true; readonly pdf: Buffer; readonly dpi: number; readonly quality: number }
  | { readonly fits: false; readonly smallestBytes: number };

/** The resolutions to try for pages whose own resolution is `nativeDpi`, best first, none under the floor. */
export function dpiLadder(nativeDpi: number, floorDpi: number): number[] {
  const top = Math.min(DPI_LADDER[0], nativeDpi);
  const steps = [top, ...DPI_LADDER.filter((dpi) => dpi < top), floorDpi];
  return [...new Set(steps.filter((dpi) => dpi >= floorDpi).map((dpi) => Math.round(dpi * 100) / 100))];
}

/**
 * Finds the best encoding that fits `maxBytes`: the highest resolution at which a good quality fits, at
 * the highest quality that still fits there; only at the floor resolution does quality drop towards its
 * floor. Trellis quantisation (a fifth smaller) costs several times a plain encode, so the search runs on
 * plain encodes against a budget scaled by the usual ratio between the two; the answer is then encoded
 * with trellis once, which measures this page's own ratio, and the search is redone with it on the plain
 * encodes already made. Usually one or two trellis encodes in all; searched exactly if estimates missed.
 */
export async function searchEncoding(
  pages: readonly PreparedPage[],
  maxBytes: number,
  floorDpi: number,
): Promise<EncodingResult> {
  const nativeDpi = Math.min(...pages.map((p) => p.geometry.nativeDpi));
  const ladder = dpiLadder(nativeDpi, floorDpi);
  const resized = resizeCache(pages);
  const fast = encoderFor(pages, resized, FAST_JPEG, false);
  const exact = encoderFor(pages, resized, JPEG_OPTIONS, true);
  const first = await searchWith(fast, Math.floor(maxBytes / TRELLIS_RATIO), ladder);
  if (first.fits) {
    const measured = await exact(first.dpi, first.quality);
    const ratio = measured.size / first.encoded.size;
    let fitting: EncodingResult | undefined = fitted(first.dpi, first.quality, measured, maxBytes);
    const second = await searchWith(fast, Math.floor(maxBytes / ratio), ladder);
    // A fitting first answer a bisection step below the second is kept: no reader tells them apart,
    // and a trellis encode is the most expensive step of the search.
    const closeEnough =
      fitting !== undefined &&
      second.fits &&
      second.dpi === first.dpi &&
      second.quality - first.quality <= QUALITY_STEP;
    if (second.fits && !closeEnough && (second.dpi !== first.dpi || second.quality !== first.quality)) {
      const retried = fitted(second.dpi, second.quality, await exact(second.dpi, second.quality), maxBytes);
      const better = !fitting || second.dpi > first.dpi || second.quality > first.quality;
      if (retried && better) fitting = retried;
    }
    if (fitting) return fitting;
    // Both estimates overshot by a little: step the quality down a few times before searching exactly.
    const from = second.fits ? second : first;
    for (let quality = from.quality - 3, tries = 0; quality >= QUALITY.floor && tries < 2; quality -= 3) {
      tries += 1;
      const stepped = fitted(from.dpi, quality, await exact(from.dpi, quality), maxBytes);
      if (stepped) return stepped;
    }
  }
  const answer = await searchWith(exact, maxBytes, ladder);
  if (!answer.fits) return answer;
  return (
    fitted(answer.dpi, answer.quality, answer.encoded, maxBytes) ?? {
      fits: false,
      smallestBytes: answer.encoded.size,
    }
  );
}

/** The result for an exact encode when its PDF fits. */
function fitted(
  dpi: number,
  quality: number,
  encoded: Encoded,
  maxBytes: number,
): EncodingResult | undefined {
  if (encoded.pdf === undefined || encoded.size > maxBytes) return undefined;
  return { fits: true, pdf: encoded.pdf, dpi, quality };
}

// Bytes of a trellis encode for a plain encode's at the same quality: about 0.8 on the generated registry
// pages. Only the first guess of the search depends on it; the page's own ratio is measured after.
const TRELLIS_RATIO = 0.8;

/** What the search settled on with one encoder, or the smallest size it saw when nothing fits. */
type SearchAnswer =
  | { readonly fits: true; readonly dpi: number; readonly quality: number; readonly encoded: Encoded }
  | { readonly fits: false; readonly smallestBytes: number };

/** The search itself, on one encoder: resolutions first (predicted, then measured), then quality. */
async function searchWith(
  encode: Encoder,
  maxBytes: number,
  ladder: readonly number[],
): Promise<SearchAnswer> {
  let measured: { dpi: number; bytes: number } | undefined;
  for (const [index, dpi] of ladder.entries()) {
    // Most pages fit at the best resolution with the best quality the bisection can reach: one encode
    // says so, where the bisection takes four to get there.
    if (index === 0) {
      const hopeful = await encode(dpi, BEST_REACHED);
      if (hopeful.size <= maxBytes) return { fits: true, dpi, quality: BEST_REACHED, encoded: hopeful };
    }
    const last = index === ladder.length - 1;
    // Bytes grow about with the pixel count: skip resolutions the last measure says cannot fit.
    if (measured && !last && measured.bytes * (dpi / measured.dpi) ** 2 > maxBytes * 0.97) continue;
    const probe = await encode(dpi, QUALITY.good);
    measured = { dpi, bytes: probe.size };
    if (probe.size <= maxBytes) return bisect(encode, dpi, QUALITY.good, probe, QUALITY.top, maxBytes);
  }
  const floor = ladder.at(-1) ?? DPI_LADDER.at(-1) ?? 100;
  const lowest = await encode(floor, QUALITY.floor);
  if (lowest.size > maxBytes) return { fits: false, smallestBytes: lowest.size };
  return bisect(encode, floor, QUALITY.floor, lowest, QUALITY.good - 1, maxBytes);
}

/**
 * One try: the size of its PDF, and the PDF itself when the encoder writes it. The measuring encoder
 * only adds the JPEGs' bytes to a PDF's usual overhead: the search compares sizes, and writing a PDF
 * for every try cost as much as a plain encode.
 */
interface Encoded {
  readonly size: number;
  readonly pdf?: Buffer;
}
type Encoder = (dpi: number, quality: number) => Promise<Encoded>;
type ResizeCache = (dpi: number) => Promise<RawPage[]>;

// What a page adds to the PDF around its JPEG (objects, image dictionary, drawing operators): about 0.8 KB.
const PDF_BYTES_PER_PAGE = 800;

// Three halvings of the quality range: steps of about four, which no reader can tell apart.
const BISECTIONS = 3;
const QUALITY_STEP = 4;
/** The quality the bisection from GOOD towards TOP ends at when every step fits. */
const BEST_REACHED = (() => {
  let low: number = QUALITY.good;
  for (let step = 0; step < BISECTIONS && QUALITY.top > low; step += 1)
    low = Math.ceil((low + QUALITY.top) / 2);
  return low;
})();

async function bisect(
  encode: Encoder,
  dpi: number,
  fitQuality: number,
  fitEncoded: Encoded,
  ceiling: number,
  maxBytes: number,
): Promise<SearchAnswer> {
  let low = fitQuality;
  let best = fitEncoded;
  let high = ceiling;
  for (let step = 0; step < BISECTIONS && high > low; step += 1) {
    const middle = Math.ceil((low + high) / 2);
    const encoded = await encode(dpi, middle);
    if (encoded.size <= maxBytes) {
      low = middle;
      best = encoded;
    } else high = middle - 1;
  }
  return { fits: true, dpi, quality: low, encoded: best };
}

/** The pages resized to a resolution, each resolution computed once. */
function resizeCache(pages: readonly PreparedPage[]): ResizeCache {
  const resized = new Map<number, Promise<RawPage[]>>();
  return (dpi) => {
    let pending = resized.get(dpi);
    if (!pending) {
      pending = Promise.all(pages.map((p) => resizeTo(p, dpi)));
      resized.set(dpi, pending);
    }
    return pending;
  };
}

/**
 * Encodes the pages at a resolution and quality with `options`, remembering finished tries; `writePdf`:
 * whether each try is written as a PDF (and measured exactly) or only measured by its JPEGs.
 */
function encoderFor(
  pages: readonly PreparedPage[],
  resized: ResizeCache,
  options: JpegOptions,
  writePdf: boolean,
): Encoder {
  const tries = new Map<string, Promise<Encoded>>();
  return (dpi, quality) => {
    const key = `${dpi}/${quality}`;
    let pending = tries.get(key);
    if (!pending) {
      pending = resized(dpi).then(async (list) => {
        const jpegs = await encodePages(pages, list, quality, options);
        if (!writePdf) {
          const bytes = jpegs.reduce((sum, page) => sum + page.jpeg.length, 0);
          return { size: bytes + PDF_BYTES_PER_PAGE * jpegs.length };
        }
        const pdf = await writeJpegPdf(jpegs);
        return { size: pdf.length, pdf };
      });
      tries.set(key, pending);
    }
    return pending;
  };
}

async function resizeTo(prepared: PreparedPage, dpi: number): Promise<RawPage> {
  const { page, geometry } = prepared;
  const width = Math.max(1, Math.round(geometry.widthInches * dpi));
  const height = Math.max(1, Math.round(geometry.heightInches * dpi));
  if (width === page.width && height === page.height) return page;
  const raw = { width: page.width, height: page.height, channels: page.channels };
  const data = await asRaw(
    sharp(page.data, { raw }).resize(width, height, { kernel: 'lanczos3' }),
    page.channels,
  )
    .raw()
    .toBuffer();
  return { width, height, channels: page.channels, data };
}

function encodePages(
  pages: readonly PreparedPage[],
  raws: readonly RawPage[],
  quality: number,
  options: JpegOptions,
): Promise<JpegPage[]> {
  return Promise.all(
    raws.map(async (raw, index) => ({
      jpeg: await asRaw(
        sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: raw.channels } }),
        raw.channels,
      )
        .jpeg({ quality, ...options })
        .toBuffer(),
      widthInches: pages[index]?.geometry.widthInches ?? 8.27,
      heightInches: pages[index]?.geometry.heightInches ?? 11.69,
    })),
  );
}

// libvips widens one-channel raw input to sRGB on output unless told to keep it grey.
function asRaw(image: Sharp, channels: 1 | 3): Sharp {
  return image.toColourspace(channels === 1 ? 'b-w' : 'srgb');
}

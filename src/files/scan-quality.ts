import type { Matrix } from './page-content-reader.js';
import type { ScanImage } from './page-image-finder.js';

/**
 * Effective resolution of an image where the page draws it: its pixels over the length, in inches, of the
 * sides of the parallelogram the transformation maps the unit square onto (rotation and skew included),
 * the lower of the two axes.
 */
export function placedDpi(image: Pick<ScanImage, 'width' | 'height'>, ctm: Matrix): number {
  const across = Math.hypot(ctm[0], ctm[1]) / 72;
  const down = Math.hypot(ctm[2], ctm[3]) / 72;
  if (across === 0 || down === 0) return Infinity;
  return Math.min(image.width / across, image.height / down);
}

/** Area of the page, in square points, that an image drawn under `ctm` covers. */
export function placedArea(ctm: Matrix): number {
  return Math.abs(ctm[0] * ctm[3] - ctm[1] * ctm[2]);
}

// The page's resolution is the one at least this share of its drawn image area reaches: a logo or stamp
// at low resolution beside the scan does not pull it down, a page partly scanned too coarsely does.
const LOW_DPI_AREA_SHARE = 0.1;

/**
 * Resolution of a page drawn from one or several images (strips, tiles, a scan beside a logo): the dpi
 * that all but the coarsest 10% of the drawn image area reaches. One image: its own dpi. A page of 415
 * strips at 600 ppi: 600.
 */
export function pageDpi(
  parts: readonly { readonly dpi: number; readonly area: number }[],
): number | undefined {
  const drawn = parts.filter((part) => part.area > 0 && Number.isFinite(part.dpi));
  const total = drawn.reduce((sum, part) => sum + part.area, 0);
  if (total === 0) return undefined;
  const sorted = [...drawn].sort((a, b) => a.dpi - b.dpi);
  let covered = 0;
  for (const part of sorted) {
    covered += part.area;
    if (covered > total * LOW_DPI_AREA_SHARE + 1e-9) return part.dpi;
  }
  return sorted.at(-1)?.dpi;
}

/**
 * Fallback when the page's content cannot be followed: resolution of an image drawn over a whole page: pixels per inch of page, the lower of the two
 * axes. Sides are matched longest-to-longest so a portrait page carrying a landscape image rotated into
 * place (common with flatbed scans) is measured the way it is shown.
 */
export function effectiveDpi(
  image: Pick<ScanImage, 'width' | 'height'>,
  page: { widthPt: number; heightPt: number },
): number {
  const [longPx, shortPx] =
    image.width >= image.height ? [image.width, image.height] : [image.height, image.width];
  const [longPt, shortPt] =
    page.widthPt >= page.heightPt ? [page.widthPt, page.heightPt] : [page.heightPt, page.widthPt];
  return Math.min(longPx / (longPt / 72), shortPx / (shortPt / 72));
}

// Below this many pixels an image is too small for the size of its stream to say anything.
const MIN_PIXELS = 40_000;
// A JPEG whose entropy-coded data is this small per pixel is worth a closer look (real text pages are
// 0.3–1 bit per pixel; a uniform page is 0.03–0.12 depending on the encoder's tables).
const JPEG_SUSPECT_BITS_PER_PIXEL = 0.25;
// Deflate, CCITT and JBIG2 shrink a flat page about a thousandfold (deflate's ceiling is 1032:1) and a text
// page 5–50×; a page with a single typed line still stays above these ratios, so only flat pages trip them.
const BILEVEL_BLANK_RATIO = 1 / 600;
const CONTONE_BLANK_RATIO = 1 / 900;
const SAMPLE_COUNT = 12;
const SAMPLE_BYTES = 128;
const MAX_PERIOD = 48;

/**
 * Cheap guess that a scan is one flat colour (an empty or black page), from the encoded bytes alone, for
 * images whose pixels are not decoded (CCITT, JBIG2, progressive JPEG). False means "not obviously
 * blank", not "has content".
 */
export function looksBlank(image: ScanImage): boolean {
  const pixels = image.width * image.height;
  if (pixels < MIN_PIXELS || image.data.length === 0) return false;
  const [first, ...rest] = image.filters;
  if (first === 'DCTDecode' && rest.length === 0) return jpegLooksUniform(image.data, pixels);
  if (first === undefined || rest.length > 0 || first === 'JPXDecode') return false;
  const rawBytes = Math.ceil((image.width * image.components * image.bitsPerComponent) / 8) * image.height;
  const limit = image.bitsPerComponent === 1 ? BILEVEL_BLANK_RATIO : CONTONE_BLANK_RATIO;
  return image.data.length < rawBytes * limit;
}

// In a baseline JPEG every flat 8×8 block codes to the same few bits (DC difference 0, end of block), so
// the entropy-coded segment of a uniform page repeats with a short period, while any real content makes it
// look random. We test a dozen short samples spread over the segment for a period of at most 48 bytes.
function jpegLooksUniform(data: Uint8Array, pixels: number): boolean {
  const scanStart = startOfScanData(data);
  if (scanStart === undefined) return false;
  const scan = data.subarray(scanStart, Math.max(scanStart, data.length - 2));
  if ((scan.length * 8) / pixels > JPEG_SUSPECT_BITS_PER_PIXEL) return false;
  if (scan.length < SAMPLE_BYTES * 2) return true;
  const step = Math.floor((scan.length - SAMPLE_BYTES) / (SAMPLE_COUNT - 1));
  for (let index = 0; index < SAMPLE_COUNT; index += 1) {
    if (!isPeriodic(scan.subarray(index * step, index * step + SAMPLE_BYTES))) return false;
  }
  return true;
}

function isPeriodic(sample: Uint8Array): boolean {
  const tolerance = Math.floor(sample.length / 16);
  for (let period = 1; period <= MAX_PERIOD; period += 1) {
    let mismatches = 0;
    for (let index = period; index < sample.length && mismatches <= tolerance; index += 1) {
      if (sample[index] !== sample[index - period]) mismatches += 1;
    }
    if (mismatches <= tolerance) return true;
  }
  return false;
}

/** Offset just past the first SOS header, walking marker segments (bounded by the data length). */
function startOfScanData(data: Uint8Array): number | undefined {
  if (data[0] !== 0xff || data[1] !== 0xd8) return undefined;
  let at = 2;
  while (at + 4 <= data.length) {
    if (data[at] !== 0xff) return undefined;
    const marker = data[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    const length = ((data[at + 2] ?? 0) << 8) | (data[at + 3] ?? 0);
    if (length < 2) return undefined;
    if (marker === 0xda) return at + 2 + length;
    at += 2 + length;
  }
  return undefined;
}

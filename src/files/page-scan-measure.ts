import type { PDFContext, PDFRawStream } from 'pdf-lib';
import { inkPercent, type DrawnPixels } from './blank-page-detector.js';
import { readPageContent, type ContentBudget, type ImagePlacement } from './page-content-reader.js';
import { findPageImages, type ScanImage } from './page-image-finder.js';
import type { PdfPage } from './page-tree-walker.js';
import { decodeImagePixels, type ImagePixels, type PixelBudget } from './scan-pixels.js';
import { effectiveDpi, looksBlank, pageDpi, placedArea, placedDpi } from './scan-quality.js';

/** Default blank threshold: a page is blank when under 0.1% of its drawn area differs from the paper. */
export const DEFAULT_BLANK_INK_PERCENT = 0.1;

/** What one page shows: whether it draws a scan, its resolution, whether it is blank, whether it is whole. */
export interface PageMeasure {
  readonly hasImage: boolean;
  readonly dpi?: number;
  readonly blank: boolean;
  /** Its content or a drawn image is missing or cannot be decoded: a reader cannot show the page. */
  readonly unreadable: boolean;
  readonly abbreviatedFilter: boolean;
}

/** Shared state for measuring the pages of one file. */
export interface MeasureState {
  readonly contentBudget: ContentBudget;
  readonly pixelBudget: PixelBudget;
  /** Grid samples for this page's blank check. */
  readonly samples: number;
  readonly threshold: number;
  /** Each image stream is decoded once per file, however often it is drawn. */
  readonly pixelCache: Map<PDFRawStream, ImagePixels>;
}

const FULL_PAGE: (page: PdfPage) => ImagePlacement['ctm'] = (page) => [
  page.widthPt ?? 612,
  0,
  0,
  page.heightPt ?? 792,
  0,
  0,
];

/**
 * Measures a page from what its content stream draws: each image where it is placed (dpi from the
 * transformation in force at its `Do`; the page's dpi from all of them, see pageDpi), and the blank check
 * on the decoded pixels of all of them. A page without a content stream we can follow is judged by its
 * largest image as if stretched over the page, as before.
 */
export function measurePage(context: PDFContext, page: PdfPage, state: MeasureState): PageMeasure {
  const content = readPageContent(context, page.dict, page.resources, state.contentBudget);
  if (content.kind === 'unreadable')
    return { hasImage: true, blank: false, unreadable: true, abbreviatedFilter: false };
  let placements: readonly ImagePlacement[];
  let fallback = false;
  if (content.kind === 'drawn') {
    placements = content.placements;
    if (placements.length === 0)
      return {
        hasImage: content.inlineImages > 0,
        blank: false,
        unreadable: false,
        abbreviatedFilter: false,
      };
  } else {
    const images = findPageImages(context, page.resources);
    const main = images.reduce<ScanImage | undefined>(
      (best, image) =>
        best === undefined || image.width * image.height > best.width * best.height ? image : best,
      undefined,
    );
    if (main === undefined)
      return { hasImage: false, blank: false, unreadable: false, abbreviatedFilter: false };
    placements = [{ image: main, ctm: FULL_PAGE(page) }];
    fallback = true;
  }
  const parts: { dpi: number; area: number }[] = [];
  const drawn: DrawnPixels[] = [];
  let hasContent = false;
  let unreadable = false;
  for (const { image, ctm } of placements) {
    const area = placedArea(ctm);
    const dpi =
      fallback && page.widthPt !== undefined && page.heightPt !== undefined
        ? effectiveDpi(image, { widthPt: page.widthPt, heightPt: page.heightPt })
        : placedDpi(image, ctm);
    parts.push({ dpi, area });
    let pixels = state.pixelCache.get(image.stream);
    if (pixels === undefined) {
      pixels = looksBusy(image) ? { kind: 'opaque' } : decodeImagePixels(context, image, state.pixelBudget);
      state.pixelCache.set(image.stream, pixels);
    }
    if (pixels.kind === 'unreadable') unreadable = true;
    else if (pixels.kind === 'pixels') drawn.push({ grid: pixels.grid, area });
    else if (!looksBlank(image)) hasContent = true;
  }
  const dpi = fallback && page.widthPt === undefined ? undefined : pageDpi(parts);
  const blank =
    !hasContent && !unreadable && (drawn.length === 0 || inkPercent(drawn, state.samples) < state.threshold);
  return {
    hasImage: true,
    ...(dpi === undefined ? {} : { dpi }),
    blank,
    unreadable,
    abbreviatedFilter: placements.some(({ image }) => image.abbreviatedFilter),
  };
}

// A JPEG of this many bits per pixel or more carries real content (text pages are 0.3–1 bit per pixel, a
// flat page under 0.15): its pixels need no decoding. Only the JPEG's entropy-coded size is looked at.
const BUSY_JPEG_BITS_PER_PIXEL = 0.25;

function looksBusy(image: ScanImage): boolean {
  const last = image.filters.at(-1);
  if (last !== 'DCTDecode' || image.filters.length > 1 || image.softMask !== undefined) return false;
  return (image.data.length * 8) / (image.width * image.height) >= BUSY_JPEG_BITS_PER_PIXEL;
}

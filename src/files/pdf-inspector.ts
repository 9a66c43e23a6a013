import type { FileRules } from '../domain/file-rules.js';
import type { Problem } from '../domain/file-verdict.js';
import { DEFAULT_PDF_PARSE_LIMITS, parsePdfGuarded, type PdfParseLimits } from './guarded-pdf-parser.js';
import { DEFAULT_PAGE_TREE_LIMITS, walkPageTree, type PageTreeLimits } from './page-tree-walker.js';
import { problemFor } from '../messages/file-problem-messages.js';
import { endMarkerMissing, findRepairs } from './pdf-repair-finder.js';
import { ContentBudget, DEFAULT_CONTENT_LIMITS, type ContentLimits } from './page-content-reader.js';
import type { PDFRawStream } from 'pdf-lib';
import { PixelBudget, type ImagePixels } from './scan-pixels.js';
import { DEFAULT_BLANK_INK_PERCENT, measurePage } from './page-scan-measure.js';

/** What the PDF checks found: problems, and the page count and lowest dpi when they could be measured. */
export interface PdfFindings {
  readonly problems: readonly Problem[];
  readonly pages?: number;
  readonly dpi?: number;
}

/** Bounds for reading one PDF. */
export interface PdfInspectionLimits {
  readonly parse: PdfParseLimits;
  readonly pageTree: PageTreeLimits;
  /** Content streams followed to find where images are drawn. */
  readonly content?: ContentLimits;
  /** Decoded image bytes for the blank check, for the whole file. */
  readonly maxPixelBytes?: number;
}

/** Default bounds: a verdict in well under two seconds and a few hundred MB for any input. */
export const DEFAULT_PDF_INSPECTION_LIMITS: PdfInspectionLimits = Object.freeze({
  parse: DEFAULT_PDF_PARSE_LIMITS,
  pageTree: DEFAULT_PAGE_TREE_LIMITS,
  content: DEFAULT_CONTENT_LIMITS,
  maxPixelBytes: 64 * 1024 * 1024,
});

const ENCRYPT_KEY = Buffer.from('/Encrypt', 'latin1');
// Blank checks sample about 260,000 points per page; a file of many pages shares this many.
const SAMPLES_PER_FILE = 4_000_000;

/**
 * Checks a PDF's structure and scanned content. Structure has three outcomes, as viewers behave: reads
 * cleanly; reads after repair (a warning naming what was repaired); unreadable — no page reachable, a
 * page's content or image missing or undecodable, encrypted — rejected. Then pages, dpi and blank scans.
 */
export async function inspectPdf(
  bytes: Uint8Array,
  rules: FileRules,
  limits: PdfInspectionLimits = DEFAULT_PDF_INSPECTION_LIMITS,
): Promise<PdfFindings> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const problems: Problem[] = [];
  // Unreadable with the end missing: the file was cut short (a copy or upload that did not finish).
  const unreadable = (): Problem =>
    endMarkerMissing(buffer) ? problemFor.pdfTruncated() : problemFor.pdfDamaged();
  const parsed = await parsePdfGuarded(bytes, limits.parse);
  if (!parsed.ok) {
    // Encrypted object streams cannot be parsed, so a failed parse of a file naming /Encrypt is an encrypted file.
    if (mentionsEncryption(buffer)) problems.push(problemFor.pdfEncrypted());
    else if (parsed.fault === 'too_complex') problems.push(problemFor.pdfTooComplex(parsed.detail));
    else problems.push(unreadable());
    return { problems };
  }
  const { context } = parsed;
  if (context.trailerInfo.Encrypt !== undefined) {
    problems.push(problemFor.pdfEncrypted());
    return { problems };
  }
  const walk = walkPageTree(context, limits.pageTree);
  if (walk.fault === 'no_root') {
    // Without a catalog there is no document to count pages in: "damaged" says it all.
    problems.push(unreadable());
    return { problems };
  }
  let broken = walk.fault === 'cycle' || walk.fault === 'missing_kid';
  if (walk.fault === 'too_deep' || walk.fault === 'too_many')
    problems.push(problemFor.pdfTooComplex(walk.fault));
  const pageCount = walk.pages.length;
  if (pageCount === 0) {
    problems.push(broken ? unreadable() : problemFor.contentNoPages());
    return { problems, pages: 0 };
  }
  const content: Problem[] = [];
  if (pageCount > 1) content.push(problemFor.contentMultiPage(pageCount));
  const withoutImage: number[] = [];
  const lowDpi: number[] = [];
  const blank: number[] = [];
  let lowestDpi: number | undefined;
  const contentBudget = new ContentBudget(limits.content ?? DEFAULT_CONTENT_LIMITS);
  const pixelBudget = new PixelBudget(limits.maxPixelBytes ?? 64 * 1024 * 1024);
  const samples = Math.max(4096, Math.floor(SAMPLES_PER_FILE / pageCount));
  const threshold = rules.blankInkPercent ?? DEFAULT_BLANK_INK_PERCENT;
  let abbreviatedImageFilter = false;
  const pixelCache = new Map<PDFRawStream, ImagePixels>();
  for (const page of walk.pages) {
    const measured = measurePage(context, page, {
      contentBudget,
      pixelBudget,
      samples,
      threshold,
      pixelCache,
    });
    if (measured.unreadable) broken = true;
    if (measured.abbreviatedFilter) abbreviatedImageFilter = true;
    if (!measured.hasImage) {
      withoutImage.push(page.number);
      continue;
    }
    if (measured.dpi !== undefined) {
      lowestDpi = Math.min(lowestDpi ?? measured.dpi, measured.dpi);
      // A hair of tolerance so an exact 100-dpi scan is not failed by floating-point division.
      if (measured.dpi < rules.minDpi - 1e-6) lowDpi.push(page.number);
    }
    if (measured.blank) blank.push(page.number);
  }
  if (broken) {
    problems.push(unreadable());
  } else {
    const repairs = findRepairs(buffer, {
      xrefStreamTrailer: parsed.xrefStreamTrailer,
      abbreviatedFilters: parsed.abbreviatedFilters || contentBudget.abbreviated || abbreviatedImageFilter,
    });
    if (repairs.length > 0) problems.push(problemFor.pdfRepaired(repairs));
  }
  const shownDpi = lowestDpi === undefined ? undefined : Math.floor(lowestDpi * 10 + 1e-6) / 10;
  if (withoutImage.length > 0) content.push(problemFor.contentNoImage(withoutImage));
  if (lowDpi.length > 0 && shownDpi !== undefined)
    content.push(problemFor.contentLowDpi(shownDpi, rules.minDpi, lowDpi));
  if (blank.length > 0) content.push(problemFor.contentBlankScan(blank));
  problems.push(...content);
  return { problems, pages: pageCount, ...(shownDpi === undefined ? {} : { dpi: shownDpi }) };
}

function mentionsEncryption(buffer: Buffer): boolean {
  for (let at = buffer.indexOf(ENCRYPT_KEY); at >= 0; at = buffer.indexOf(ENCRYPT_KEY, at + 1)) {
    const next = buffer[at + ENCRYPT_KEY.length];
    // "/EncryptMetadata" is a different key; the trailer entry is followed by a space, a digit or "<<".
    if (next === undefined || !/[A-Za-z]/.test(String.fromCharCode(next))) return true;
  }
  return false;
}

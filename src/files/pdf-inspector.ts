import type { FileRules } from '../domain/file-rules.js';
import type { Problem } from '../domain/file-verdict.js';
import { DEFAULT_PDF_PARSE_LIMITS, parsePdfGuarded, type PdfParseLimits } from './guarded-pdf-parser.js';
import { findPageImages } from './page-image-finder.js';
import { DEFAULT_PAGE_TREE_LIMITS, walkPageTree, type PageTreeLimits } from './page-tree-walker.js';
import { problemFor } from '../messages/file-problem-messages.js';
import { effectiveDpi, looksBlank } from './scan-quality.js';

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
}

/** Default bounds: a verdict in well under two seconds and a few hundred MB for any input. */
export const DEFAULT_PDF_INSPECTION_LIMITS: PdfInspectionLimits = Object.freeze({
  parse: DEFAULT_PDF_PARSE_LIMITS,
  pageTree: DEFAULT_PAGE_TREE_LIMITS,
});

// Readers look for the end-of-file marker in the last 1,024 bytes (ISO 32000-1 §7.5.5 implementation note).
const EOF_WINDOW = 1024;
const EOF_MARKER = Buffer.from('%%EOF', 'latin1');
const ENCRYPT_KEY = Buffer.from('/Encrypt', 'latin1');

/** Checks a PDF's structure and scanned content: truncation, encryption, pages, images, dpi, blank scans. */
export async function inspectPdf(
  bytes: Uint8Array,
  rules: FileRules,
  limits: PdfInspectionLimits = DEFAULT_PDF_INSPECTION_LIMITS,
): Promise<PdfFindings> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const problems: Problem[] = [];
  const truncated = buffer.subarray(Math.max(0, buffer.length - EOF_WINDOW)).indexOf(EOF_MARKER) < 0;
  if (truncated) problems.push(problemFor.pdfTruncated());
  // A damaged problem says nothing more once we already know the end is missing.
  const damaged = (): void => {
    if (!truncated && !problems.some((problem) => problem.code === 'pdf.damaged'))
      problems.push(problemFor.pdfDamaged());
  };
  const parsed = await parsePdfGuarded(bytes, limits.parse);
  if (!parsed.ok) {
    // Encrypted object streams cannot be parsed, so a failed parse of a file naming /Encrypt is an encrypted file.
    if (mentionsEncryption(buffer)) problems.push(problemFor.pdfEncrypted());
    else if (parsed.fault === 'too_complex') problems.push(problemFor.pdfTooComplex(parsed.detail));
    else damaged();
    return { problems };
  }
  const { context } = parsed;
  if (context.trailerInfo.Encrypt !== undefined) {
    problems.push(problemFor.pdfEncrypted());
    return { problems };
  }
  if (parsed.brokenObjectStreams > 0) damaged();
  const walk = walkPageTree(context, limits.pageTree);
  if (walk.fault === 'no_root') {
    // Without a catalog there is no document to count pages in: "damaged" says it all.
    damaged();
    return { problems };
  }
  if (walk.fault === 'too_deep' || walk.fault === 'too_many') {
    problems.push(problemFor.pdfTooComplex(walk.fault));
  } else if (walk.fault !== undefined) {
    damaged();
  }
  const pageCount = walk.pages.length;
  if (pageCount === 0) {
    problems.push(problemFor.contentNoPages());
    return { problems, pages: 0 };
  }
  if (pageCount > 1) problems.push(problemFor.contentMultiPage(pageCount));
  const withoutImage: number[] = [];
  const lowDpi: number[] = [];
  const blank: number[] = [];
  let lowestDpi: number | undefined;
  for (const page of walk.pages) {
    const images = findPageImages(context, page.resources);
    // The page is judged by its largest image: small logos or stamps beside the scan do not count.
    const main = images.reduce<(typeof images)[number] | undefined>(
      (best, image) =>
        best === undefined || image.width * image.height > best.width * best.height ? image : best,
      undefined,
    );
    if (main === undefined) {
      withoutImage.push(page.number);
      continue;
    }
    if (page.widthPt !== undefined && page.heightPt !== undefined) {
      const dpi = effectiveDpi(main, { widthPt: page.widthPt, heightPt: page.heightPt });
      lowestDpi = Math.min(lowestDpi ?? dpi, dpi);
      // A hair of tolerance so an exact 100-dpi scan is not failed by floating-point division.
      if (dpi < rules.minDpi - 1e-6) lowDpi.push(page.number);
    }
    if (looksBlank(main)) blank.push(page.number);
  }
  const shownDpi = lowestDpi === undefined ? undefined : Math.floor(lowestDpi * 10 + 1e-6) / 10;
  if (withoutImage.length > 0) problems.push(problemFor.contentNoImage(withoutImage));
  if (lowDpi.length > 0 && shownDpi !== undefined)
    problems.push(problemFor.contentLowDpi(shownDpi, rules.minDpi, lowDpi));
  if (blank.length > 0) problems.push(problemFor.contentBlankScan(blank));
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

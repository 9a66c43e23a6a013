import { parsePdfGuarded } from '../guarded-pdf-parser.js';
import { findPageImages, type ScanImage } from '../page-image-finder.js';
import { decodeStreamData, filterChain } from '../pdf-stream-decoder.js';
import { walkPageTree } from '../page-tree-walker.js';

/** A page's scanned image, in a form the image library can decode. */
export type PageImage =
  | { readonly kind: 'encoded'; readonly bytes: Uint8Array }
  | {
      readonly kind: 'raw';
      readonly bytes: Uint8Array;
      readonly width: number;
      readonly height: number;
      readonly channels: 1 | 3;
    };

/** Every page's largest image, or why the PDF gives none. */
export type PdfPageImages =
  | { readonly ok: true; readonly pages: readonly PageImage[] }
  | { readonly ok: false; readonly reason: 'unreadable' | 'no_image' | 'too_many_pages' };

// A case is a few pages; a 40-page PDF is a whole book scanned into one file, which must be split first.
const MAX_PAGES = 20;
const MAX_DECODED_BYTES = 256 * 1024 * 1024;

/**
 * The scanned image of each page of a PDF (the largest one when a page has several). JPEG images are
 * taken as they are; 8-bit grey or RGB images behind Flate-like filters are inflated. Pages drawn
 * otherwise (text, vector art, CCITT or JPEG 2000 scans) are reported, not guessed at.
 */
export async function readPdfPageImages(bytes: Uint8Array): Promise<PdfPageImages> {
  const parsed = await parsePdfGuarded(bytes);
  if (!parsed.ok || parsed.context.trailerInfo.Encrypt !== undefined)
    return { ok: false, reason: 'unreadable' };
  const walk = walkPageTree(parsed.context);
  if (walk.pages.length === 0) return { ok: false, reason: 'unreadable' };
  if (walk.pages.length > MAX_PAGES) return { ok: false, reason: 'too_many_pages' };
  const pages: PageImage[] = [];
  for (const page of walk.pages) {
    const images = findPageImages(parsed.context, page.resources);
    const largest = images.sort((a, b) => b.width * b.height - a.width * a.height)[0];
    if (!largest) return { ok: false, reason: 'no_image' };
    const image = readImage(parsed.context, largest);
    if (!image) return { ok: false, reason: 'unreadable' };
    pages.push(image);
  }
  return { ok: true, pages };
}

function readImage(context: Parameters<typeof filterChain>[0], image: ScanImage): PageImage | undefined {
  const chain = filterChain(context, image.stream.dict);
  const decoded = decodeStreamData(context, chain, image.data, MAX_DECODED_BYTES, false);
  if (!decoded.ok || !decoded.complete) return undefined;
  const [next, ...rest] = decoded.remaining;
  if ((next === 'DCTDecode' || next === 'DCT') && rest.length === 0)
    return { kind: 'encoded', bytes: decoded.bytes };
  if (next !== undefined) return undefined;
  const channels = image.colour === 'gray' ? 1 : image.colour === 'rgb' ? 3 : undefined;
  if (channels === undefined || image.bitsPerComponent !== 8) return undefined;
  if (decoded.bytes.length < image.width * image.height * channels) return undefined;
  return { kind: 'raw', bytes: decoded.bytes, width: image.width, height: image.height, channels };
}

import { PDFRawStream, type PDFContext, type PDFDict, type PDFObject } from 'pdf-lib';
import { entry, pdfArray, pdfDict, pdfName, pdfNumber, resolvePdf } from './pdf-value-reader.js';

/** An image XObject as the page declares it; its pixels are never decoded. */
export interface ScanImage {
  readonly width: number;
  readonly height: number;
  /** Filter names in decoding order, e.g. ['DCTDecode']. */
  readonly filters: readonly string[];
  readonly bitsPerComponent: number;
  /** Colour components per pixel (1 grey, 3 RGB, 4 CMYK); 1 when unknown, which errs towards "not blank". */
  readonly components: number;
  /** The still-encoded stream bytes. */
  readonly data: Uint8Array;
}

// Scanning and OCR software sometimes wraps the page image in form XObjects; real files nest one or two deep.
const MAX_FORM_DEPTH = 4;
const MAX_XOBJECTS = 500;

/** Image XObjects reachable from a page's resources, including through form XObjects, bounded. */
export function findPageImages(context: PDFContext, resources: PDFDict | undefined): ScanImage[] {
  const images: ScanImage[] = [];
  const seen = new Set<PDFObject>();
  const visit = (dict: PDFDict | undefined, depth: number): void => {
    const xobjects = dict === undefined ? undefined : pdfDict(context, entry(dict, 'XObject'));
    if (xobjects === undefined) return;
    for (const [, value] of xobjects.entries()) {
      const stream = resolvePdf(context, value);
      if (!(stream instanceof PDFRawStream) || seen.has(stream) || seen.size >= MAX_XOBJECTS) continue;
      seen.add(stream);
      const subtype = pdfName(context, entry(stream.dict, 'Subtype'));
      if (subtype === 'Image') {
        const image = describeImage(context, stream);
        if (image !== undefined) images.push(image);
      } else if (subtype === 'Form' && depth < MAX_FORM_DEPTH) {
        visit(pdfDict(context, entry(stream.dict, 'Resources')), depth + 1);
      }
    }
  };
  visit(resources, 0);
  return images;
}

function describeImage(context: PDFContext, stream: PDFRawStream): ScanImage | undefined {
  const { dict } = stream;
  const width = pdfNumber(context, entry(dict, 'Width'));
  const height = pdfNumber(context, entry(dict, 'Height'));
  if (width === undefined || height === undefined || width <= 0 || height <= 0) return undefined;
  const filter = resolvePdf(context, entry(dict, 'Filter'));
  const filterArray = pdfArray(context, filter);
  const filters = filterArray
    ? filterArray.asArray().map((item) => pdfName(context, item) ?? '?')
    : [pdfName(context, filter)].filter((name): name is string => name !== undefined);
  const isMask = resolvePdf(context, entry(dict, 'ImageMask'))?.toString() === 'true';
  const bilevel = isMask || filters.some((name) => name === 'CCITTFaxDecode' || name === 'JBIG2Decode');
  const bitsPerComponent = bilevel ? 1 : (pdfNumber(context, entry(dict, 'BitsPerComponent')) ?? 8);
  const components = isMask ? 1 : colourComponents(context, entry(dict, 'ColorSpace'));
  return { width, height, filters, bitsPerComponent, components, data: stream.contents };
}

function colourComponents(context: PDFContext, value: PDFObject | undefined): number {
  const name = pdfName(context, value);
  if (name !== undefined)
    return (
      ({ DeviceRGB: 3, RGB: 3, CalRGB: 3, Lab: 3, DeviceCMYK: 4, CMYK: 4 } as Record<string, number>)[name] ??
      1
    );
  const array = pdfArray(context, value);
  if (array === undefined) return 1;
  const family = pdfName(context, array.get(0));
  if (family === 'ICCBased') {
    const profile = resolvePdf(context, array.get(1));
    return profile instanceof PDFRawStream ? (pdfNumber(context, entry(profile.dict, 'N')) ?? 1) : 1;
  }
  if (family === 'CalRGB' || family === 'Lab') return 3;
  if (family === 'DeviceN') return pdfArray(context, array.get(1))?.size() ?? 1;
  return 1; // Indexed, Separation, CalGray: one value per pixel
}

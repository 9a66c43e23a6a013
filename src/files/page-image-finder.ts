import { PDFRawStream, type PDFContext, type PDFDict, type PDFObject } from 'pdf-lib';
import { filterChain } from './pdf-stream-decoder.js';
import { entry, pdfArray, pdfDict, pdfName, pdfNumber, resolvePdf } from './pdf-value-reader.js';

/** An image XObject as the page declares it (scan-pixels.ts decodes its pixels when it can). */
export interface ScanImage {
  readonly stream: PDFRawStream;
  readonly width: number;
  readonly height: number;
  /** Filter names in decoding order, e.g. ['DCTDecode']. */
  readonly filters: readonly string[];
  readonly bitsPerComponent: number;
  /** Colour components per pixel (1 grey, 3 RGB, 4 CMYK); 1 when unknown, which errs towards "not blank". */
  readonly components: number;
  /** The still-encoded stream bytes. */
  readonly data: Uint8Array;
  /** A stencil mask (/ImageMask true): 0 paints the fill colour, 1 leaves the page as it was. */
  readonly stencil: boolean;
  /** /Decode inverts a one-component image ([1 0]). */
  readonly inverted: boolean;
  /** Colour family that turns samples into RGB; palette holds an /Indexed lookup table. */
  readonly colour: 'gray' | 'rgb' | 'cmyk' | 'indexed' | 'other';
  readonly palette?: { readonly base: 'gray' | 'rgb' | 'cmyk' | 'other'; readonly table: Uint8Array };
  /** A soft mask (/SMask) or stencil mask (/Mask stream) that decides how much of the image shows. */
  readonly softMask?: ScanImage;
  readonly stencilMask?: ScanImage;
  /** A filter name was abbreviated (/Fl, /DCT…), which readers accept. */
  readonly abbreviatedFilter: boolean;
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

/** An image XObject's description, or undefined when it has no valid size. */
export function describeImage(context: PDFContext, stream: PDFRawStream, depth = 0): ScanImage | undefined {
  const { dict } = stream;
  const width = pdfNumber(context, entry(dict, 'Width'));
  const height = pdfNumber(context, entry(dict, 'Height'));
  if (width === undefined || height === undefined || width <= 0 || height <= 0) return undefined;
  const chain = filterChain(context, dict);
  const filters = chain.names;
  const isMask = resolvePdf(context, entry(dict, 'ImageMask'))?.toString() === 'true';
  const bilevel = isMask || filters.some((name) => name === 'CCITTFaxDecode' || name === 'JBIG2Decode');
  const bitsPerComponent = bilevel ? 1 : (pdfNumber(context, entry(dict, 'BitsPerComponent')) ?? 8);
  const space = entry(dict, 'ColorSpace');
  const components = isMask ? 1 : colourComponents(context, space);
  const decode = pdfArray(context, entry(dict, 'Decode'));
  const inverted = decode !== undefined && pdfNumber(context, decode.get(0)) === 1;
  const palette = isMask ? undefined : indexedPalette(context, space);
  // Masks are images too, one level deep (a mask has no mask of its own).
  const maskOf = (key: string): ScanImage | undefined => {
    const mask = depth === 0 ? resolvePdf(context, entry(dict, key)) : undefined;
    return mask instanceof PDFRawStream ? describeImage(context, mask, depth + 1) : undefined;
  };
  const softMask = maskOf('SMask');
  const stencilMask = maskOf('Mask');
  return {
    stream,
    width,
    height,
    filters,
    bitsPerComponent,
    components,
    data: stream.contents,
    stencil: isMask,
    inverted,
    colour: isMask ? 'gray' : palette !== undefined ? 'indexed' : colourFamily(context, space, components),
    ...(palette === undefined ? {} : { palette }),
    ...(softMask === undefined ? {} : { softMask }),
    ...(stencilMask?.stencil === true ? { stencilMask } : {}),
    abbreviatedFilter: chain.abbreviated,
  };
}

function colourFamily(
  context: PDFContext,
  value: PDFObject | undefined,
  components: number,
): 'gray' | 'rgb' | 'cmyk' | 'other' {
  const name = pdfName(context, value) ?? pdfName(context, pdfArray(context, value)?.get(0));
  if (name === 'Separation' || name === 'DeviceN') return 'other';
  return components === 3 ? 'rgb' : components === 4 ? 'cmyk' : 'gray';
}

// An /Indexed space is [/Indexed base hival lookup]; the lookup is a string or a stream of hival+1 entries.
function indexedPalette(context: PDFContext, value: PDFObject | undefined): ScanImage['palette'] {
  const array = pdfArray(context, value);
  if (array === undefined || pdfName(context, array.get(0)) !== 'Indexed') return undefined;
  const base = array.get(1);
  const family = colourFamily(context, base, colourComponents(context, base));
  const lookup = resolvePdf(context, array.get(3));
  let table: Uint8Array | undefined;
  if (lookup instanceof PDFRawStream && filterChain(context, lookup.dict).names.length === 0)
    table = lookup.contents;
  else if (lookup !== undefined && 'asBytes' in lookup && typeof lookup.asBytes === 'function')
    table = (lookup as { asBytes(): Uint8Array }).asBytes();
  return table === undefined ? undefined : { base: family, table };
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

import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRef, type PDFContext, type PDFObject } from 'pdf-lib';

// A reference may point at another reference; a hostile file can chain or loop them, so follow a few hops only.
const MAX_REF_HOPS = 8;

/** Follows references to the object they name; undefined when missing, dangling or looping. */
export function resolvePdf(context: PDFContext, value: PDFObject | undefined): PDFObject | undefined {
  let current = value;
  for (let hop = 0; hop < MAX_REF_HOPS && current instanceof PDFRef; hop += 1)
    current = context.lookup(current);
  return current instanceof PDFRef ? undefined : current;
}

/** A dictionary value, resolved; undefined for anything else. */
export function pdfDict(context: PDFContext, value: PDFObject | undefined): PDFDict | undefined {
  const resolved = resolvePdf(context, value);
  return resolved instanceof PDFDict ? resolved : undefined;
}

/** An array value, resolved; undefined for anything else. */
export function pdfArray(context: PDFContext, value: PDFObject | undefined): PDFArray | undefined {
  const resolved = resolvePdf(context, value);
  return resolved instanceof PDFArray ? resolved : undefined;
}

/** A finite number value, resolved; undefined for anything else. */
export function pdfNumber(context: PDFContext, value: PDFObject | undefined): number | undefined {
  const resolved = resolvePdf(context, value);
  return resolved instanceof PDFNumber && Number.isFinite(resolved.asNumber())
    ? resolved.asNumber()
    : undefined;
}

/** A name value as text without the slash, resolved; undefined for anything else. */
export function pdfName(context: PDFContext, value: PDFObject | undefined): string | undefined {
  const resolved = resolvePdf(context, value);
  return resolved instanceof PDFName ? resolved.decodeText() : undefined;
}

/** Shorthand for a dictionary entry by key text. */
export function entry(dict: PDFDict, key: string): PDFObject | undefined {
  return dict.get(PDFName.of(key));
}

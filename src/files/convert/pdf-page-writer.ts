import { PDFDocument } from 'pdf-lib';

/** One page image, already JPEG, and the paper it is printed on. */
export interface JpegPage {
  readonly jpeg: Uint8Array;
  readonly widthInches: number;
  readonly heightInches: number;
}

/**
 * A PDF with one page per image, each image filling its page. No metadata dates: the same pages give the
 * same bytes, so a file sent twice is recognised as the same sample.
 */
export async function writeJpegPdf(pages: readonly JpegPage[]): Promise<Buffer> {
  const document = await PDFDocument.create({ updateMetadata: false });
  for (const page of pages) {
    const image = await document.embedJpg(page.jpeg);
    const width = page.widthInches * 72;
    const height = page.heightInches * 72;
    document.addPage([width, height]).drawImage(image, { x: 0, y: 0, width, height });
  }
  return Buffer.from(await document.save({ useObjectStreams: true }));
}

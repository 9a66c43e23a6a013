import { promisify } from 'node:util';
import { deflate } from 'node:zlib';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { encodedStream, type PageContent } from './pdf-page-content.js';
import { readRgbPng } from './rgb-png.js';
import {
  concatTransformationMatrix,
  drawObject,
  popGraphicsState,
  pushGraphicsState,
  type PDFDocument,
  type PDFPage,
  type PDFRef,
} from 'pdf-lib';

const deflateAsync = promisify(deflate);

/** A chart image embedded in a PDF as an image XObject. */
export interface PdfChartImage {
  ref: PDFRef;
  width: number;
  height: number;
}

/**
 * Embeds a PNG: an RGB PNG as it is, any other as a Flate-compressed RGB image (plus an alpha mask only if some pixel is not opaque).
 * pdf-lib's own embedPng decodes and re-deflates in JavaScript, which costs about half a second per
 * phone-sized chart and blocks the event loop; here the native decoder and zlib's thread pool do it.
 */
export async function embedChartPng(doc: PDFDocument, png: Buffer): Promise<PdfChartImage> {
  // The charts' own PNGs (rgb-png.ts) go in as they are: PDF reads PNG-filtered Flate data natively.
  const ready = readRgbPng(png);
  if (ready) {
    const stream = encodedStream(doc, ready.zlib, {
      Type: 'XObject',
      Subtype: 'Image',
      Width: ready.width,
      Height: ready.height,
      BitsPerComponent: 8,
      ColorSpace: 'DeviceRGB',
      Filter: 'FlateDecode',
      DecodeParms: { Predictor: 15, Colors: 3, BitsPerComponent: 8, Columns: ready.width },
    });
    return { ref: doc.context.register(stream), width: ready.width, height: ready.height };
  }
  const image = await loadImage(png);
  const { width, height } = image;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const rgba = ctx.getImageData(0, 0, width, height).data;
  const pixels = width * height;
  // One 32-bit read per pixel is about twice as fast as four byte reads. The canvas binaries exist
  // only for little-endian CPUs, so a word is 0xAABBGGRR; slice() realigns an odd offset.
  const aligned = rgba.byteOffset % 4 === 0 ? rgba : rgba.slice();
  const words = new Uint32Array(aligned.buffer, aligned.byteOffset, pixels);
  let opaque = true;
  for (let pixel = 0; pixel < pixels; pixel += 1) {
    if ((words[pixel] ?? 0) >>> 24 !== 255) {
      opaque = false;
      break;
    }
  }
  const rgb = Buffer.allocUnsafe(pixels * 3);
  for (let pixel = 0, target = 0; pixel < pixels; pixel += 1, target += 3) {
    const word = words[pixel] ?? 0;
    rgb[target] = word & 0xff;
    rgb[target + 1] = (word >>> 8) & 0xff;
    rgb[target + 2] = (word >>> 16) & 0xff;
  }
  // Charts are drawn on white and are opaque; the mask is only for a caller's transparent image.
  const alpha = opaque ? null : Buffer.from(Uint8Array.from(words, (word) => word >>> 24));
  const common = {
    Type: 'XObject',
    Subtype: 'Image',
    Width: width,
    Height: height,
    BitsPerComponent: 8,
    Filter: 'FlateDecode',
  };
  const smask = !alpha
    ? undefined
    : doc.context.register(
        doc.context.stream(await deflateAsync(alpha), { ...common, ColorSpace: 'DeviceGray' }),
      );
  const stream = doc.context.stream(await deflateAsync(rgb), {
    ...common,
    ColorSpace: 'DeviceRGB',
    ...(smask ? { SMask: smask } : {}),
  });
  return { ref: doc.context.register(stream), width, height };
}

/** Draws an embedded chart image into a box on the page (PDF units, origin bottom-left). */
export function drawChartImage(
  page: PDFPage,
  image: PdfChartImage,
  box: { x: number; y: number; width: number; height: number },
  content?: PageContent,
): void {
  const name = page.node.newXObject('Chart', image.ref);
  if (content) {
    content.image(name, box.x, box.y, box.width, box.height);
    return;
  }
  page.pushOperators(
    pushGraphicsState(),
    concatTransformationMatrix(box.width, 0, 0, box.height, box.x, box.y),
    drawObject(name),
    popGraphicsState(),
  );
}

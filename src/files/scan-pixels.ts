import type { PDFContext } from 'pdf-lib';
import { readJpegBlocks } from './jpeg-block-reader.js';
import type { ScanImage } from './page-image-finder.js';
import { decodeStreamData, filterChain } from './pdf-stream-decoder.js';

/** An image's pixels as they show on white paper, at its own resolution or a coarser one (JPEG blocks). */
export interface PixelGrid {
  readonly width: number;
  readonly height: number;
  /** Packed 0xRRGGBB as painted over white: masks and soft masks applied. */
  rgb(x: number, y: number): number;
  /** True where the grid knows there is an edge inside the cell (JPEG blocks); optional. */
  textured?(x: number, y: number): boolean;
}

/** The pixels, or: a format we only judge from its bytes ('opaque'), or data no reader can decode. */
export type ImagePixels =
  | { readonly kind: 'pixels'; readonly grid: PixelGrid }
  | { readonly kind: 'opaque' }
  | { readonly kind: 'unreadable' };

/** Decoded-bytes budget for the images of one file. */
export class PixelBudget {
  used = 0;
  constructor(readonly maxBytes: number) {}
}

const WHITE = 0xffffff;

/**
 * Decodes an image XObject for the blank check: Flate/LZW/RunLength/ASCII data (with predictors) into
 * samples, baseline JPEG into 8×8 block means; CCITT, JBIG2, JPEG 2000 and progressive JPEG are 'opaque'.
 * Output is capped by the budget: a larger image is looked at through its first rows only.
 */
export function decodeImagePixels(context: PDFContext, image: ScanImage, budget: PixelBudget): ImagePixels {
  const base = decodeBase(context, image, budget);
  if (base.kind !== 'pixels') return base;
  const soft = image.softMask === undefined ? undefined : decodeBase(context, image.softMask, budget);
  const stencil =
    image.stencilMask === undefined ? undefined : decodeBase(context, image.stencilMask, budget);
  const alpha = soft?.kind === 'pixels' ? soft.grid : undefined;
  const cut = stencil?.kind === 'pixels' ? stencil.grid : undefined;
  if (alpha === undefined && cut === undefined) return base;
  const grid = base.grid;
  return {
    kind: 'pixels',
    grid: {
      width: grid.width,
      height: grid.height,
      rgb: (x, y) => {
        const colour = grid.rgb(x, y);
        // The stencil mask grid is already "painted black / left white"; white means masked out here.
        if (
          cut !== undefined &&
          cut.rgb(scale(x, grid.width, cut.width), scale(y, grid.height, cut.height)) === WHITE
        )
          return WHITE;
        if (alpha === undefined) return colour;
        const a =
          (alpha.rgb(scale(x, grid.width, alpha.width), scale(y, grid.height, alpha.height)) & 0xff) / 255;
        return blendOverWhite(colour, a);
      },
    },
  };
}

function scale(at: number, from: number, to: number): number {
  return Math.min(to - 1, Math.floor((at * to) / from));
}

function blendOverWhite(colour: number, alpha: number): number {
  const channel = (shift: number) => Math.round(((colour >> shift) & 0xff) * alpha + 255 * (1 - alpha));
  return (channel(16) << 16) | (channel(8) << 8) | channel(0);
}

function decodeBase(context: PDFContext, image: ScanImage, budget: PixelBudget): ImagePixels {
  const chain = filterChain(context, image.stream.dict);
  const room = budget.maxBytes - budget.used;
  if (room <= 0) return { kind: 'opaque' };
  const expected = Math.ceil((image.width * image.components * image.bitsPerComponent) / 8) * image.height;
  const decoded = decodeStreamData(context, chain, image.data, room, true, expected);
  if (!decoded.ok) return decoded.reason === 'unreadable' ? { kind: 'unreadable' } : { kind: 'opaque' };
  budget.used += decoded.bytes.length;
  const [next, ...rest] = decoded.remaining;
  if (next === 'DCTDecode' && rest.length === 0) {
    if (decoded.bytes[0] !== 0xff || decoded.bytes[1] !== 0xd8) return { kind: 'unreadable' };
    const blocks = readJpegBlocks(decoded.bytes);
    return blocks === undefined ? { kind: 'opaque' } : { kind: 'pixels', grid: blocks };
  }
  if (next !== undefined) return { kind: 'opaque' };
  if (decoded.bytes.length === 0 && image.data.length > 0) return { kind: 'unreadable' };
  return { kind: 'pixels', grid: sampleGrid(image, decoded.bytes) };
}

function sampleGrid(image: ScanImage, bytes: Uint8Array): PixelGrid {
  const { width, bitsPerComponent: bits } = image;
  const components = image.colour === 'indexed' ? 1 : image.components;
  const rowBytes = Math.ceil((width * components * bits) / 8);
  // Rows the (possibly capped) data actually holds; rows beyond it read as the last full row.
  const rows = Math.max(1, Math.min(image.height, Math.floor(bytes.length / Math.max(1, rowBytes))));
  const max = (1 << Math.min(bits, 8)) - 1;
  const sample = (row: number, index: number): number => {
    if (bits === 8) return bytes[row * rowBytes + index] ?? 0;
    if (bits === 16) return bytes[row * rowBytes + index * 2] ?? 0;
    const bit = index * bits;
    const byte = bytes[row * rowBytes + (bit >> 3)] ?? 0;
    return Math.round((((byte >> (8 - bits - (bit & 7))) & max) * 255) / max);
  };
  const palette = image.palette;
  return {
    width,
    height: image.height,
    rgb: (x, y) => {
      const row = Math.min(y, rows - 1);
      if (image.stencil) {
        const painted = (sample(row, x) === 0) !== image.inverted;
        return painted ? 0 : WHITE;
      }
      if (palette !== undefined) {
        const index = bits === 8 ? sample(row, x) : Math.round((sample(row, x) * max) / 255);
        return toRgb(
          palette.base,
          palette.table,
          index * (palette.base === 'cmyk' ? 4 : palette.base === 'rgb' ? 3 : 1),
        );
      }
      const first = x * components;
      if (image.colour === 'rgb')
        return (sample(row, first) << 16) | (sample(row, first + 1) << 8) | sample(row, first + 2);
      if (image.colour === 'cmyk') {
        const k = 255 - sample(row, first + 3);
        const c = (v: number) => Math.round(((255 - v) * k) / 255);
        return (c(sample(row, first)) << 16) | (c(sample(row, first + 1)) << 8) | c(sample(row, first + 2));
      }
      let grey = sample(row, first);
      if (image.inverted) grey = 255 - grey;
      return (grey << 16) | (grey << 8) | grey;
    },
  };
}

function toRgb(base: 'gray' | 'rgb' | 'cmyk' | 'other', table: Uint8Array, at: number): number {
  if (base === 'rgb') return ((table[at] ?? 0) << 16) | ((table[at + 1] ?? 0) << 8) | (table[at + 2] ?? 0);
  if (base === 'cmyk') {
    const k = 255 - (table[at + 3] ?? 0);
    const c = (v: number | undefined) => Math.round(((255 - (v ?? 0)) * k) / 255);
    return (c(table[at]) << 16) | (c(table[at + 1]) << 8) | c(table[at + 2]);
  }
  const grey = table[at] ?? 0;
  return (grey << 16) | (grey << 8) | grey;
}

import sharp, { type Sharp } from 'sharp';
import type { ConvertSteps } from '../../domain/convert-steps.js';
import { dpiLadder } from './encoding-search.js';
import { contentBox, type PageBox } from './margin-trimmer.js';
import { pageGeometry, type PageGeometry } from './page-geometry.js';
import type { RawPage } from './raw-page.js';

/**
 * The longest side of the preview the margins are found on: a cut within half a millimetre of a 12 MP
 * photo. Under a fifth of 4000 px, so that the JPEG decoder reads it at a quarter of the size from the
 * low frequencies alone (the image library halves a shrink of exactly 4 to avoid libjpeg's rounding: a
 * 1000 px preview was decoded at 2000 px, four times the work).
 */
export const PREVIEW_LONG_SIDE = 750;
// A 100-megapixel image is no phone photo; refusing it bounds memory (sharp would allocate for it all).
const MAX_INPUT_PIXELS = 100_000_000;

/** A decoded picture, or the reason it could not be decoded. */
export type DecodedImage =
  | {
      readonly ok: true;
      /** Upright, margins cut, at the best resolution the encoding search will try (its `nativeDpi`). */
      readonly page: RawPage;
      readonly geometry: PageGeometry;
      readonly sourceWidth: number;
      readonly sourceHeight: number;
    }
  /** The image library could not decode the bytes: damaged, cut short, or a codec it lacks (HEVC). */
  | { readonly ok: false };

/** Raw pixels handed over as they are (an uncompressed image out of a PDF). */
export interface RawInput {
  readonly width: number;
  readonly height: number;
  readonly channels: 1 | 3;
}

/**
 * Decodes a photo or a scan into the raw pixels the encoder starts from: upright per EXIF when asked,
 * margins cut, shrunk to the best resolution the encoding search will try, grey or RGB, never alpha.
 *
 * The full picture is decoded once. The margins are found first on a small preview (a JPEG decodes it
 * from its lowest frequencies only, a few times faster than the whole picture), so that one pass of the
 * image library can cut, turn and shrink the full picture straight to its working size: no 9-megapixel
 * intermediate is ever made, trimmed in JavaScript and resized a second time.
 */
export async function decodeImage(
  bytes: Uint8Array,
  steps: Pick<ConvertSteps, 'orientation' | 'grayscale' | 'trim'>,
  floorDpi: number,
  raw?: RawInput,
): Promise<DecodedImage> {
  // 'truncated': an upload that stopped half-way is refused, not padded with grey.
  const options = { failOn: 'truncated', limitInputPixels: MAX_INPUT_PIXELS } as const;
  const open = (): Sharp => {
    const source = raw ? sharp(bytes, { ...options, raw }) : sharp(bytes, options);
    return steps.orientation ? source.rotate() : source;
  };
  let width: number;
  let height: number;
  try {
    const meta = await open().metadata();
    const turned = steps.orientation && (meta.orientation ?? 1) >= 5;
    width = (turned ? meta.height : meta.width) ?? 0;
    height = (turned ? meta.width : meta.height) ?? 0;
  } catch {
    return { ok: false };
  }
  if (width === 0 || height === 0) return { ok: false };
  try {
    const box = (steps.trim ? await marginsOf(open(), width, height) : undefined) ?? {
      left: 0,
      top: 0,
      width,
      height,
    };
    const geometry = pageGeometry(box.width, box.height, floorDpi);
    const top = dpiLadder(geometry.nativeDpi, floorDpi)[0] ?? floorDpi;
    const targetWidth = Math.max(1, Math.round(geometry.widthInches * top));
    const targetHeight = Math.max(1, Math.round(geometry.heightInches * top));
    let pipeline = open();
    if (box.width !== width || box.height !== height) pipeline = pipeline.extract(box);
    if (targetWidth !== box.width || targetHeight !== box.height) {
      pipeline = pipeline.resize(targetWidth, targetHeight, { fit: 'fill', kernel: 'lanczos3' });
    }
    pipeline = pipeline.flatten({ background: '#ffffff' });
    pipeline = steps.grayscale ? pipeline.toColourspace('b-w') : pipeline.toColourspace('srgb');
    const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
    const channels = info.channels >= 3 ? 3 : 1;
    const page = { width: info.width, height: info.height, channels, data } as const;
    return {
      ok: true,
      page: channels === info.channels ? page : dropExtra(page, info.channels),
      geometry: { ...geometry, nativeDpi: top },
      sourceWidth: width,
      sourceHeight: height,
    };
  } catch {
    return { ok: false };
  }
}

/** The content's box in the full picture's pixels, found on a grey preview; undefined: nothing to cut. */
async function marginsOf(source: Sharp, width: number, height: number): Promise<PageBox | undefined> {
  const { data, info } = await source
    .resize({ width: PREVIEW_LONG_SIDE, height: PREVIEW_LONG_SIDE, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const preview = { width: info.width, height: info.height, channels: 1, data } as const;
  const found = contentBox(info.channels === 1 ? preview : dropExtra(preview, info.channels), 1);
  if (!found) return undefined;
  const sx = width / info.width;
  const sy = height / info.height;
  const left = Math.floor(found.left * sx);
  const top = Math.floor(found.top * sy);
  const right = Math.min(width, Math.ceil((found.left + found.width) * sx));
  const bottom = Math.min(height, Math.ceil((found.top + found.height) * sy));
  if (right <= left || bottom <= top) return undefined;
  return { left, top, width: right - left, height: bottom - top };
}

function dropExtra(page: RawPage, from: number): RawPage {
  const pixels = page.width * page.height;
  const data = Buffer.alloc(pixels * page.channels);
  for (let i = 0; i < pixels; i += 1) {
    for (let c = 0; c < page.channels; c += 1) data[i * page.channels + c] = page.data[i * from + c] ?? 0;
  }
  return { ...page, data };
}

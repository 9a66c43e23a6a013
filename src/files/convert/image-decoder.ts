import sharp, { type Sharp } from 'sharp';
import type { ConvertSteps } from '../../domain/convert-steps.js';
import type { RawPage } from './raw-page.js';

/** The longest side pages are worked on at: A4 at 300 dpi, enough headroom for the 200-dpi target. */
export const WORK_LONG_SIDE = 3508;
// A 100-megapixel image is no phone photo; refusing it bounds memory (sharp would allocate for it all).
const MAX_INPUT_PIXELS = 100_000_000;

/** A decoded picture, or the reason it could not be decoded. */
export type DecodedImage =
  | { readonly ok: true; readonly page: RawPage; readonly sourceWidth: number; readonly sourceHeight: number }
  /** The image library could not decode the bytes: damaged, cut short, or a codec it lacks (HEVC). */
  | { readonly ok: false };

/**
 * Decodes a photo or a scan into raw pixels: upright per EXIF when asked, shrunk to the working size
 * (JPEG decoders shrink while decoding, which keeps a 12 MP photo cheap), grey or RGB, never alpha.
 */
export async function decodeImage(
  bytes: Uint8Array,
  steps: Pick<ConvertSteps, 'orientation' | 'grayscale'>,
  raw?: { readonly width: number; readonly height: number; readonly channels: 1 | 3 },
): Promise<DecodedImage> {
  // 'truncated': an upload that stopped half-way is refused, not padded with grey.
  const options = { failOn: 'truncated', limitInputPixels: MAX_INPUT_PIXELS } as const;
  let source: Sharp;
  let width: number;
  let height: number;
  try {
    source = raw ? sharp(bytes, { ...options, raw }) : sharp(bytes, options);
    const meta = await source.metadata();
    const turned = steps.orientation && (meta.orientation ?? 1) >= 5;
    width = (turned ? meta.height : meta.width) ?? 0;
    height = (turned ? meta.width : meta.height) ?? 0;
  } catch {
    return { ok: false };
  }
  if (width === 0 || height === 0) return { ok: false };
  try {
    let pipeline = steps.orientation ? source.rotate() : source;
    pipeline = pipeline
      .resize({ width: WORK_LONG_SIDE, height: WORK_LONG_SIDE, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' });
    pipeline = steps.grayscale ? pipeline.toColourspace('b-w') : pipeline.toColourspace('srgb');
    const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
    const channels = info.channels >= 3 ? 3 : 1;
    const page = { width: info.width, height: info.height, channels, data } as const;
    return {
      ok: true,
      page: channels === info.channels ? page : dropExtra(page, info.channels),
      sourceWidth: width,
      sourceHeight: height,
    };
  } catch {
    return { ok: false };
  }
}

function dropExtra(page: RawPage, from: number): RawPage {
  const pixels = page.width * page.height;
  const data = Buffer.alloc(pixels * page.channels);
  for (let i = 0; i < pixels; i += 1) {
    for (let c = 0; c < page.channels; c += 1) data[i * page.channels + c] = page.data[i * from + c] ?? 0;
  }
  return { ...page, data };
}

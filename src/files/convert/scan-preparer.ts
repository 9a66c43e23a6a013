import sharp from 'sharp';
import type { ConvertSteps } from '../../domain/convert-steps.js';
import type { ConvertRefusal } from '../../domain/convert-outcome.js';
import { dpiLadder, type PreparedPage } from './encoding-search.js';
import { trimMargins } from './margin-trimmer.js';
import { pageGeometry } from './page-geometry.js';
import { normalizePaper } from './paper-normalizer.js';
import type { RawPage } from './raw-page.js';

/**
 * Fewest pixels a picture of a page needs for handwriting to stay readable: a phone's "compressed" photo
 * (1280 × 960) passes; a thumbnail or a screenshot of a chat preview does not.
 */
export const MIN_PIXELS = { long: 1000, short: 700 } as const;

/** The refusal for a picture too small to read, or undefined when it is large enough. */
export function scanTooSmall(page: RawPage): ConvertRefusal | undefined {
  const long = Math.max(page.width, page.height);
  const short = Math.min(page.width, page.height);
  if (long >= MIN_PIXELS.long && short >= MIN_PIXELS.short) return undefined;
  return {
    code: 'too_small',
    width: page.width,
    height: page.height,
    minWidth: MIN_PIXELS.short,
    minHeight: MIN_PIXELS.long,
  };
}

/**
 * Cleans a decoded page for encoding: margins cut, shrunk to the best resolution the search will try
 * (cleaning fewer pixels), paper whitened and ink darkened — each step as the campaign allows.
 */
export async function prepareScan(
  page: RawPage,
  steps: ConvertSteps,
  floorDpi: number,
): Promise<PreparedPage> {
  const trimmed = steps.trim ? trimMargins(page) : page;
  const geometry = pageGeometry(trimmed.width, trimmed.height, floorDpi);
  const top = dpiLadder(geometry.nativeDpi, floorDpi)[0] ?? floorDpi;
  const width = Math.max(1, Math.round(geometry.widthInches * top));
  const height = Math.max(1, Math.round(geometry.heightInches * top));
  let sized = trimmed;
  if (width !== trimmed.width || height !== trimmed.height) {
    const raw = { width: trimmed.width, height: trimmed.height, channels: trimmed.channels };
    const data = await sharp(trimmed.data, { raw })
      .resize(width, height, { kernel: 'lanczos3' })
      .toColourspace(trimmed.channels === 1 ? 'b-w' : 'srgb')
      .raw()
      .toBuffer();
    sized = { width, height, channels: trimmed.channels, data };
  }
  const cleaned = steps.normalize ? await normalizePaper(sized) : sized;
  return { page: cleaned, geometry: { ...geometry, nativeDpi: top } };
}

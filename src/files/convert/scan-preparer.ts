import type { ConvertSteps } from '../../domain/convert-steps.js';
import type { ConvertRefusal } from '../../domain/convert-outcome.js';
import type { PreparedPage } from './encoding-search.js';
import type { PageGeometry } from './page-geometry.js';
import { normalizePaper } from './paper-normalizer.js';
import type { RawPage } from './raw-page.js';

/**
 * Fewest pixels a picture of a page needs for handwriting to stay readable: a phone's "compressed" photo
 * (1280 × 960) passes; a thumbnail or a screenshot of a chat preview does not.
 */
export const MIN_PIXELS = { long: 1000, short: 700 } as const;

/** The refusal for a picture too small to read, or undefined when it is large enough. */
export function scanTooSmall(size: {
  readonly width: number;
  readonly height: number;
}): ConvertRefusal | undefined {
  const long = Math.max(size.width, size.height);
  const short = Math.min(size.width, size.height);
  if (long >= MIN_PIXELS.long && short >= MIN_PIXELS.short) return undefined;
  return {
    code: 'too_small',
    width: size.width,
    height: size.height,
    minWidth: MIN_PIXELS.short,
    minHeight: MIN_PIXELS.long,
  };
}

/**
 * Cleans a decoded page (already upright, trimmed and at its working size — see image-decoder.ts) for
 * encoding: paper whitened and ink darkened, as the campaign allows.
 */
export async function prepareScan(
  page: RawPage,
  geometry: PageGeometry,
  steps: ConvertSteps,
): Promise<PreparedPage> {
  return { page: steps.normalize ? await normalizePaper(page) : page, geometry };
}

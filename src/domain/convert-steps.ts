/**
 * Which clean-up steps the converter runs on a photo or a scan before it compresses it; a campaign may
 * turn each off (e.g. `grayscale: false` where colour stamps must stay red). All default on.
 */
export interface ConvertSteps {
  /** Turn the picture upright as the camera's EXIF orientation says. */
  readonly orientation: boolean;
  /** Cut uniform margins (the table around a photographed page, a scanner's border). */
  readonly trim: boolean;
  /** Keep one grey channel instead of three colours: a third of the bytes for the same legibility. */
  readonly grayscale: boolean;
  /** Whiten the paper and darken the ink (uneven light, shadows, yellowed pages). */
  readonly normalize: boolean;
}

/** Every step on. */
export const DEFAULT_CONVERT_STEPS: ConvertSteps = Object.freeze({
  orientation: true,
  trim: true,
  grayscale: true,
  normalize: true,
});

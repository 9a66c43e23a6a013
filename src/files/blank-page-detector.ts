import type { PixelGrid } from './scan-pixels.js';

/** One drawn image, ready for the blank check: its pixels and how much of the page it covers. */
export interface DrawnPixels {
  readonly grid: PixelGrid;
  readonly area: number;
}

// About 130,000 samples per page: a single typed line on an A4 page (≈0.2% of its pixels) still gets
// hundreds of hits, and the whole check costs a few milliseconds.
const SAMPLES_PER_PAGE = 1 << 17;
const MIN_SAMPLES_PER_IMAGE = 16;
// A sample "has ink" when a channel differs this much (of 255) from the page's dominant colour: scanner
// noise and JPEG ringing on blank paper stay below it, the faintest pencil stays above.
const INK_DISTANCE = 40;

/**
 * Share of the drawn area, in percent, that differs from the page's dominant colour (its paper), sampled
 * on a grid over every image drawn on the page in proportion to the area each covers. Masks and soft masks
 * are already applied by the grids (painted over white). A white page gives about 0; a text page a few
 * percent; colour bars most of it.
 */
export function inkPercent(images: readonly DrawnPixels[], perPage = SAMPLES_PER_PAGE): number {
  const total = images.reduce((sum, image) => sum + image.area, 0);
  if (total <= 0) return 0;
  const plans = images.map(({ grid, area }) => {
    const wanted = Math.max(MIN_SAMPLES_PER_IMAGE, Math.round((perPage * area) / total));
    // A grid of about `wanted` points with the image's aspect ratio, never finer than its pixels.
    const step = Math.max(1, Math.sqrt((grid.width * grid.height) / wanted));
    const across = Math.max(1, Math.min(grid.width, Math.round(grid.width / step)));
    const down = Math.max(1, Math.min(grid.height, Math.round(wanted / across)));
    return { grid, across, down };
  });
  const samples = new Uint32Array(plans.reduce((sum, plan) => sum + plan.across * plan.down, 0));
  const counts = new Uint32Array(4096);
  let count = 0;
  let textured = 0;
  for (const { grid, across, down } of plans) {
    const xs = Int32Array.from({ length: across }, (_, column) =>
      Math.min(grid.width - 1, Math.floor(((column + 0.5) * grid.width) / across)),
    );
    for (let row = 0; row < down; row += 1) {
      const y = Math.min(grid.height - 1, Math.floor(((row + 0.5) * grid.height) / down));
      for (let column = 0; column < across; column += 1) {
        const x = xs[column] ?? 0;
        const colour = grid.rgb(x, y);
        samples[count] = colour;
        count += 1;
        const key = bin(colour);
        counts[key] = (counts[key] ?? 0) + 1;
        if (grid.textured?.(x, y) === true) textured += 1;
      }
    }
  }
  if (count === 0) return 0;
  const paper = dominantColour(samples, counts);
  let ink = 0;
  for (let index = 0; index < count; index += 1)
    if (distance(samples[index] ?? 0, paper) > INK_DISTANCE) ink += 1;
  // An edge inside a JPEG block is ink even when the block's mean stays near the paper's colour.
  return (Math.max(ink, textured) * 100) / count;
}

/** The most frequent colour, by 16-level bins per channel, as the mean of the samples in that bin. */
function dominantColour(samples: Uint32Array, counts: Uint32Array): number {
  let best = 0;
  for (let index = 1; index < counts.length; index += 1)
    if ((counts[index] ?? 0) > (counts[best] ?? 0)) best = index;
  let r = 0;
  let g = 0;
  let b = 0;
  let n = 0;
  for (const colour of samples) {
    if (bin(colour) !== best) continue;
    r += (colour >> 16) & 0xff;
    g += (colour >> 8) & 0xff;
    b += colour & 0xff;
    n += 1;
  }
  return n === 0 ? 0 : (Math.round(r / n) << 16) | (Math.round(g / n) << 8) | Math.round(b / n);
}

function bin(colour: number): number {
  return ((colour >> 12) & 0xf00) | ((colour >> 8) & 0xf0) | ((colour >> 4) & 0xf);
}

function distance(a: number, b: number): number {
  return Math.max(
    Math.abs(((a >> 16) & 0xff) - ((b >> 16) & 0xff)),
    Math.abs(((a >> 8) & 0xff) - ((b >> 8) & 0xff)),
    Math.abs((a & 0xff) - (b & 0xff)),
  );
}

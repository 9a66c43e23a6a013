import type { RawPage } from './raw-page.js';

// A row or column belongs to the margin when fewer than this share of its pixels differ from the margin's
// colour: noise and a stray speck do not stop the cut, a line of text does.
const CONTENT_SHARE = 0.03;
const DIFFERENCE = 48;
// Never cut more than this share of a side: a dark page on a dark table is left as it is.
const MAX_CUT = 0.45;
const STEP = 3;

function luminanceAt(page: RawPage, index: number): number {
  const { data, channels } = page;
  if (channels === 1) return data[index] ?? 0;
  const at = index * 3;
  return ((data[at] ?? 0) * 77 + (data[at + 1] ?? 0) * 150 + (data[at + 2] ?? 0) * 29) >> 8;
}

/** The margin's colour: the median of the four corners' small squares. */
function marginLevel(page: RawPage): number {
  const size = Math.max(2, Math.floor(Math.min(page.width, page.height) / 50));
  const values: number[] = [];
  for (const [x0, y0] of [
    [0, 0],
    [page.width - size, 0],
    [0, page.height - size],
    [page.width - size, page.height - size],
  ] as const) {
    for (let y = y0; y < y0 + size; y += 1)
      for (let x = x0; x < x0 + size; x += 1) values.push(luminanceAt(page, y * page.width + x));
  }
  values.sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)] ?? 255;
}

/** A rectangle of a page, in pixels. */
export interface PageBox {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Cuts uniform margins: the table around a photographed page, a scanner's grey border. Each side stops at
 * the first row or column with content; a page without a clear margin comes back unchanged.
 */
export function trimMargins(page: RawPage): RawPage {
  const box = contentBox(page);
  return box ? crop(page, box.left, box.top, box.width, box.height) : page;
}

/**
 * The part of a page inside its uniform margins, or undefined when there is nothing to cut. `step`:
 * every step-th pixel of every step-th row is looked at — margins are wide and uniform, so on a page of
 * full size every third pixel gives the cut within a few pixels for a ninth of the work; on a reduced
 * preview of the page every pixel counts.
 */
export function contentBox(page: RawPage, step = STEP): PageBox | undefined {
  const level = marginLevel(page);
  const { width, height } = page;
  const rows = Math.ceil(height / step);
  const columns = Math.ceil(width / step);
  const rowContent = new Uint32Array(rows);
  const columnContent = new Uint32Array(columns);
  for (let r = 0; r < rows; r += 1) {
    const line = r * step * width;
    for (let c = 0; c < columns; c += 1) {
      if (Math.abs(luminanceAt(page, line + c * step) - level) > DIFFERENCE) {
        rowContent[r] = (rowContent[r] ?? 0) + 1;
        columnContent[c] = (columnContent[c] ?? 0) + 1;
      }
    }
  }
  const first = (counts: Uint32Array, across: number): number => {
    const limit = Math.floor(counts.length * MAX_CUT);
    for (let i = 0; i < limit; i += 1) if ((counts[i] ?? 0) > across * CONTENT_SHARE) return i;
    return 0;
  };
  const last = (counts: Uint32Array, across: number): number => {
    const limit = Math.floor(counts.length * MAX_CUT);
    for (let i = 0; i < limit; i += 1) {
      if ((counts[counts.length - 1 - i] ?? 0) > across * CONTENT_SHARE) return counts.length - 1 - i;
    }
    return counts.length - 1;
  };
  const top = first(rowContent, columns) * step;
  const bottom = Math.min(height - 1, last(rowContent, columns) * step + step - 1);
  const left = first(columnContent, rows) * step;
  const right = Math.min(width - 1, last(columnContent, rows) * step + step - 1);
  if (top === 0 && left === 0 && bottom === height - 1 && right === width - 1) return undefined;
  if (bottom <= top || right <= left) return undefined;
  return { left, top, width: right - left + 1, height: bottom - top + 1 };
}

function crop(page: RawPage, left: number, top: number, width: number, height: number): RawPage {
  const rowBytes = width * page.channels;
  const data = Buffer.alloc(rowBytes * height);
  for (let y = 0; y < height; y += 1) {
    const from = ((top + y) * page.width + left) * page.channels;
    page.data.copy(data, y * rowBytes, from, from + rowBytes);
  }
  return { width, height, channels: page.channels, data };
}

export { luminanceAt };

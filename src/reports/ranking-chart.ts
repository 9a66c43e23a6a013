import type { DailyReportData, UnitProgressRow } from '../domain/daily-report-data.js';
import {
  BAR_VALUE_HINT,
  axisMaxPercent,
  renderRankedBarChart,
  unrankedFootnote,
} from './ranked-bar-chart.js';
import { rankedRows, unrankedRows } from '../domain/report-rows.js';
import { dataTimeLabel } from '../messages/unit-label-messages.js';
import { chartWords } from '../messages/report-document-messages.js';

/**
 * Bars per image. 30 rows of 54 px plus the header make a ~1,900 × 1,080 image: one phone screen
 * tall (9:16), so a leader reads it without zooming and Telegram does not shrink the text away.
 */
export const MAX_BARS_PER_IMAGE = 30;

/** Options for splitting the ranking into images. */
export interface RankingChartOptions {
  /** At most this many bars per image; default MAX_BARS_PER_IMAGE. */
  maxBarsPerImage?: number;
}

/** Splits rows into ⌈n / max⌉ slices of nearly equal size (31 rows → 16 + 15, not 30 + 1). */
export function splitEvenly<T>(rows: readonly T[], maxPerSlice: number): T[][] {
  if (!Number.isInteger(maxPerSlice) || maxPerSlice < 1) throw new RangeError('maxPerSlice must be ≥ 1');
  const sliceCount = Math.ceil(rows.length / maxPerSlice);
  const slices: T[][] = [];
  let start = 0;
  for (let index = 0; index < sliceCount; index += 1) {
    const size = Math.ceil((rows.length - start) / (sliceCount - index));
    slices.push(rows.slice(start, start + size));
    start += size;
  }
  return slices;
}

/** Communes ranked by % attached & reviewed, as one or more phone-sized PNG images. */
export async function renderRankingCharts(
  data: DailyReportData,
  options: RankingChartOptions = {},
): Promise<Buffer[]> {
  const ranked = rankedRows(data.communes);
  const unranked = unrankedRows(data.communes);
  if (ranked.length === 0 && unranked.length === 0) return [];
  const withParent = data.groupLevel !== null;
  const slices: UnitProgressRow[][] =
    ranked.length > 0 ? splitEvenly(ranked, options.maxBarsPerImage ?? MAX_BARS_PER_IMAGE) : [[]];
  const axisMax = axisMaxPercent(ranked);
  const images: Buffer[] = [];
  for (const [index, slice] of slices.entries()) {
    const part = slices.length > 1 ? ` (${index + 1}/${slices.length})` : '';
    const first = slice[0]?.rank;
    const last = slice[slice.length - 1]?.rank;
    const rankRange =
      first !== undefined && last !== undefined ? chartWords.rankingPart(first, last, ranked.length) : '';
    images.push(
      await renderRankedBarChart({
        rows: slice,
        withParent,
        titleLines: [chartWords.rankingTitle(part)],
        subtitleLines: [`${data.scopeName} · ${dataTimeLabel(data)}${rankRange}`, BAR_VALUE_HINT],
        legendRows: ranked,
        axisMaxPercent: axisMax,
        footnote: index === slices.length - 1 ? unrankedFootnote(unranked, withParent) : null,
      }),
    );
  }
  return images;
}

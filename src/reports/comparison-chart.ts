import type { UnitProgressRow } from '../domain/daily-report-data.js';
import {
  BAR_VALUE_HINT,
  axisMaxPercent,
  renderRankedBarChart,
  unrankedFootnote,
} from './ranked-bar-chart.js';
import { splitEvenly, MAX_BARS_PER_IMAGE } from './ranking-chart.js';
import { chartWords } from '../messages/report-document-messages.js';

/**
 * Whole scopes side by side — every province's total from its own campaign — ranked by % attached &
 * reviewed, as phone-sized images (34 provinces make two). Each row is a scope's `scopeTotal`; rows
 * without a target are named under the bars. Campaigns are never mixed: each row is one campaign's sum.
 */
export async function renderComparisonCharts(
  rows: readonly UnitProgressRow[],
  subtitle: string,
): Promise<Buffer[]> {
  const withTarget = rows.filter((r) => r.targetCases > 0 && r.completion !== null);
  const ranked = [...withTarget]
    .sort((a, b) => (b.completion ?? 0) - (a.completion ?? 0))
    .map((row, i) => ({ ...row, rank: i + 1 }));
  const unranked = rows.filter((r) => !withTarget.includes(r));
  if (ranked.length === 0 && unranked.length === 0) return [];
  const slices = ranked.length > 0 ? splitEvenly(ranked, MAX_BARS_PER_IMAGE) : [[]];
  const axisMax = axisMaxPercent(ranked);
  const images: Buffer[] = [];
  for (const [index, slice] of slices.entries()) {
    const part = slices.length > 1 ? ` (${index + 1}/${slices.length})` : '';
    images.push(
      await renderRankedBarChart({
        rows: slice,
        withParent: false,
        titleLines: [chartWords.comparisonTitle(part)],
        subtitleLines: [subtitle, BAR_VALUE_HINT],
        legendRows: ranked,
        axisMaxPercent: axisMax,
        footnote: index === slices.length - 1 ? unrankedFootnote(unranked, false) : null,
      }),
    );
  }
  return images;
}

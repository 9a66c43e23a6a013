import type { CampaignFile, MetricCode } from './campaign-file.js';
import { normalizeText, readCount } from './text-normalize.js';

/** One figure of a bare line: the metric it stands for by its place, and the number as typed. */
export interface BareFigure {
  readonly metric: MetricCode;
  readonly value: number;
  readonly typed: string;
}

/**
 * A line of whole numbers, one per metric in the campaign's order (`12 1800 1500 1400` → sổ, quét,
 * nhập, đính kèm), as people type a report without its words; undefined for anything else. Only
 * spaces separate them: a comma may be a thousands separator (1,800).
 */
export function readBareFigures(
  text: string,
  metrics: CampaignFile['metrics'],
): readonly BareFigure[] | undefined {
  const parts = normalizeText(text).trim().split(/\s+/);
  if (metrics.length === 0 || parts.length !== metrics.length) return undefined;
  const figures: BareFigure[] = [];
  for (const [i, typed] of parts.entries()) {
    const metric = metrics[i];
    if (!metric || !/^\d[\d.,]*$/.test(typed)) return undefined;
    const reading = readCount(typed);
    if (reading.kind !== 'whole') return undefined;
    figures.push({ metric: metric.code, value: reading.value, typed });
  }
  return figures;
}

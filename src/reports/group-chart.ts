import type { DailyReportData } from '../domain/daily-report-data.js';
import {
  BAR_VALUE_HINT,
  axisMaxPercent,
  renderRankedBarChart,
  unrankedFootnote,
} from './ranked-bar-chart.js';
import { dataTimeLabel } from '../messages/unit-label-messages.js';
import { rankedRows, unrankedRows } from '../domain/report-rows.js';
import { chartWords } from '../messages/report-document-messages.js';

/**
 * The scope's child units compared by % attached & reviewed (a province's districts or clusters); null
 * when the communes sit directly under the scope (a district, or a province on the two-level map, whose
 * ranking charts already show every commune).
 */
export async function renderGroupChart(data: DailyReportData): Promise<Buffer | null> {
  if (data.groupLevel === null || data.groups.length === 0) return null;
  const ranked = rankedRows(data.groups);
  const unranked = unrankedRows(data.groups);
  return renderRankedBarChart({
    rows: ranked,
    withParent: false,
    titleLines: [chartWords.groupTitle(data.groupLevel)],
    subtitleLines: [`${data.scopeName} · ${dataTimeLabel(data)}`, BAR_VALUE_HINT],
    legendRows: ranked,
    axisMaxPercent: axisMaxPercent(ranked),
    footnote: unrankedFootnote(unranked, false),
  });
}

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

/** Province scope only: districts compared by % attached & reviewed; null for a district scope. */
export async function renderDistrictChart(data: DailyReportData): Promise<Buffer | null> {
  if (data.scopeLevel !== 'province' || data.districts.length === 0) return null;
  const ranked = rankedRows(data.districts);
  const unranked = unrankedRows(data.districts);
  return renderRankedBarChart({
    rows: ranked,
    withParent: false,
    titleLines: [chartWords.districtTitle],
    subtitleLines: [`${data.scopeName} · ${dataTimeLabel(data)}`, BAR_VALUE_HINT],
    legendRows: ranked,
    axisMaxPercent: axisMaxPercent(ranked),
    footnote: unrankedFootnote(unranked, false),
  });
}

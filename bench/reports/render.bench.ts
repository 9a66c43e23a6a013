// How long the evening reports take to render, and where the time goes:
//   node --import tsx bench/reports/render.bench.ts [rounds]
// One "province set" is what the evening job renders for a province: the province report and one
// report per district, each with its charts, text, PDF, and the xlsx/csv export of the figures.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { DailyReportData } from '../../src/domain/daily-report-data.js';
import { renderDailyReportPdf } from '../../src/reports/daily-report-pdf.js';
import { formatDailyCaption, formatDailySummary } from '../../src/messages/daily-summary-messages.js';
import { renderGroupChart } from '../../src/reports/group-chart.js';
import { renderExportCsv } from '../../src/reports/export-csv.js';
import { groupExportSheets } from '../../src/reports/export-sheet.js';
import { renderExportXlsx } from '../../src/reports/export-xlsx.js';
import { renderProgressChart } from '../../src/reports/progress-chart.js';
import { renderRankingCharts } from '../../src/reports/ranking-chart.js';
import {
  QUANG_TRI_DISTRICTS,
  buildDistrictFixture,
  buildProvinceFixture,
} from '../../test/reports/daily-report-fixture.js';

/** Milliseconds spent per part of one province set, averaged over the rounds. */
export interface RenderBenchResult {
  rounds: number;
  scopesPerSet: number;
  msPerSet: number;
  charts: number;
  pdf: number;
  rest: number;
  /** Longest time the event loop was blocked (a bot sharing the process could not answer meanwhile). */
  maxEventLoopBlockMs: number;
}

async function timed<T>(bucket: { ms: number }, work: () => Promise<T> | T): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    bucket.ms += performance.now() - start;
  }
}

async function renderScope(
  data: DailyReportData,
  buckets: Record<'charts' | 'pdf' | 'rest', { ms: number }>,
): Promise<void> {
  const ranking = await timed(buckets.charts, () => renderRankingCharts(data));
  const group = await timed(buckets.charts, () => renderGroupChart(data));
  const progress = await timed(buckets.charts, () => renderProgressChart(data));
  await timed(buckets.pdf, () => renderDailyReportPdf(data, { ranking, group, progress }));
  await timed(buckets.rest, async () => {
    formatDailySummary(data);
    formatDailyCaption(data);
    const sheets = groupExportSheets(
      [...data.groups, ...data.communes],
      data.date,
      data.timeZone,
      data.levels,
    );
    await renderExportXlsx(sheets);
    renderExportCsv(sheets);
  });
}

/** Renders a full province set `rounds` times (after one warm-up) and prints where the time goes. */
export async function runRenderBench(rounds = 3): Promise<RenderBenchResult> {
  const scopes = [
    buildProvinceFixture(),
    ...QUANG_TRI_DISTRICTS.map((district) => buildDistrictFixture(district.name)),
  ];
  // Warm-up: font registration, chart.js set-up, JIT; the evening job pays this once per process.
  await renderScope(scopes[0]!, { charts: { ms: 0 }, pdf: { ms: 0 }, rest: { ms: 0 } });

  const buckets = { charts: { ms: 0 }, pdf: { ms: 0 }, rest: { ms: 0 } };
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const start = performance.now();
  for (let round = 0; round < rounds; round += 1) {
    for (const scope of scopes) await renderScope(scope, buckets);
  }
  const total = performance.now() - start;
  loopDelay.disable();

  const result: RenderBenchResult = {
    rounds,
    scopesPerSet: scopes.length,
    msPerSet: total / rounds,
    charts: buckets.charts.ms / rounds,
    pdf: buckets.pdf.ms / rounds,
    rest: buckets.rest.ms / rounds,
    maxEventLoopBlockMs: loopDelay.max / 1e6,
  };
  const share = (ms: number): string => `${((ms / result.msPerSet) * 100).toFixed(0)}%`;
  console.log(
    [
      `reports: ${rounds} rounds of a province set (${scopes.length} scopes: province + ${scopes.length - 1} districts)`,
      `  per province set   ${result.msPerSet.toFixed(0)} ms  (${(result.msPerSet / scopes.length).toFixed(0)} ms per scope)`,
      `  charts             ${result.charts.toFixed(0)} ms  ${share(result.charts)}`,
      `  PDF                ${result.pdf.toFixed(0)} ms  ${share(result.pdf)}`,
      `  text + xlsx + csv  ${result.rest.toFixed(0)} ms  ${share(result.rest)}`,
      `  longest event-loop block ${result.maxEventLoopBlockMs.toFixed(0)} ms`,
    ].join('\n'),
  );
  return result;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rounds = Number(process.argv[2] ?? 3);
  await runRenderBench(Number.isInteger(rounds) && rounds > 0 ? rounds : 3);
}

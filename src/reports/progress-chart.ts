import type { ChartConfiguration, Plugin } from 'chart.js';
import { CHART_WIDTH, canvasFont, chartFont, renderChartPng } from './chart-canvas.js';
import type { DailyReportData } from '../domain/daily-report-data.js';
import { planValue } from '../domain/report-rows.js';
import { dataTimeLabel } from '../messages/unit-label-messages.js';
import { INK, SERIES_COLORS } from './report-palette.js';
import { addDays, daysBetween, formatDayMonth, formatNumber, nfc } from '../messages/vi-format.js';
import { chartWords } from '../messages/report-document-messages.js';

const SIZE = { title: 32, subtitle: 23, legend: 24, tick: 22 } as const;
// Square: the line chart needs width for 20 dates, and a square photo is shown whole in a chat.
const HEIGHT = 1080;

/** Cumulative cases per step and day against the plan line, as one PNG. */
export async function renderProgressChart(data: DailyReportData): Promise<Buffer> {
  // The whole campaign on the x axis, so the plan reaches the target and the gap left is visible.
  const dayCount = Math.max(1, daysBetween(data.startDate, data.endDate) + 1);
  const dates = Array.from({ length: dayCount }, (_, index) => addDays(data.startDate, index));
  const byDate = new Map(data.series.map((point) => [point.date, point]));
  const step = (pick: 'scanned' | 'entered' | 'attached'): (number | null)[] =>
    dates.map((date) => byDate.get(date)?.[pick] ?? null);

  const line = (label: string, color: string, values: (number | null)[], dashed = false) => ({
    label: nfc(label),
    data: values,
    borderColor: color,
    backgroundColor: color,
    borderWidth: dashed ? 3 : 5,
    borderDash: dashed ? [14, 10] : [],
    pointRadius: dashed ? 0 : 5,
    pointHoverRadius: 0,
    spanGaps: false,
    tension: 0,
  });

  const config: ChartConfiguration<'line'> = {
    plugins: [legendGap, lastValueLabels],
    type: 'line',
    data: {
      labels: dates.map(formatDayMonth),
      datasets: [
        line(chartWords.scanned, SERIES_COLORS.scanned, step('scanned')),
        line(chartWords.entered, SERIES_COLORS.entered, step('entered')),
        line(chartWords.attached, SERIES_COLORS.attached, step('attached')),
        // The plan at the end of each day, by the domain's one definition: day 1 already has its share.
        line(
          chartWords.plan,
          SERIES_COLORS.plan,
          dates.map((date) => planValue(data, date)),
          true,
        ),
        line(
          chartWords.target,
          SERIES_COLORS.target,
          dates.map(() => data.totals.targetCases),
          true,
        ),
      ],
    },
    options: {
      layout: { padding: { left: 20, right: 28, top: 8, bottom: 16 } },
      scales: {
        x: {
          ticks: {
            font: chartFont(SIZE.tick),
            color: INK.muted,
            maxRotation: 60,
            minRotation: 60,
            autoSkip: false,
          },
          grid: { color: INK.grid },
        },
        y: {
          min: 0,
          ticks: {
            font: chartFont(SIZE.tick),
            color: INK.muted,
            callback: (value) => formatNumber(Number(value)),
          },
          grid: { color: INK.grid },
          title: {
            display: true,
            text: chartWords.cumulativeAxis,
            font: chartFont(SIZE.tick),
            color: INK.muted,
          },
        },
      },
      plugins: {
        title: {
          display: true,
          align: 'start',
          text: nfc(chartWords.progressTitle),
          font: chartFont(SIZE.title, true),
          padding: { top: 8, bottom: 10 },
        },
        subtitle: {
          display: true,
          align: 'start',
          text: [nfc(`${data.scopeName} · ${dataTimeLabel(data)}`), nfc(chartWords.progressSubtitle(data))],
          font: chartFont(SIZE.subtitle),
          color: INK.muted,
          padding: { bottom: 12 },
        },
        legend: {
          display: true,
          align: 'start',
          labels: { font: chartFont(SIZE.legend), boxWidth: 34, boxHeight: 6, padding: 18 },
        },
        tooltip: { enabled: false },
      },
    },
  };
  return renderChartPng(CHART_WIDTH, HEIGHT, config);
}

// chart.js has no margin under the legend; without one the top y tick touches the legend text.
const legendGap: Plugin<'line'> = {
  id: 'sohoaLegendGap',
  beforeInit(chart) {
    const legend = chart.legend;
    if (!legend) return;
    const fit = legend.fit.bind(legend);
    legend.fit = () => {
      fit();
      legend.height += 24;
    };
  },
};

/** Prints each step's latest figure next to its last point, nudged apart so they never overlap. */
const lastValueLabels: Plugin<'line'> = {
  id: 'sohoaLastValues',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    const size = SIZE.tick + 2;
    const labels: { text: string; color: string; x: number; y: number }[] = [];
    chart.data.datasets.forEach((dataset, index) => {
      if (index >= chart.data.datasets.length - 2) return; // the plan and target lines explain themselves
      const values = dataset.data as (number | null)[];
      const last = values.findLastIndex((value) => value !== null);
      const point = chart.getDatasetMeta(index).data[last];
      const value = values[last];
      if (!point || value === null || value === undefined) return;
      labels.push({
        text: formatNumber(value),
        color: String(dataset.borderColor),
        x: point.x + 14,
        y: point.y,
      });
    });
    labels.sort((a, b) => a.y - b.y);
    for (let index = 1; index < labels.length; index += 1) {
      const previous = labels[index - 1];
      const current = labels[index];
      if (previous && current && current.y - previous.y < size * 1.2) current.y = previous.y + size * 1.2;
    }
    ctx.save();
    ctx.font = canvasFont(size, true);
    ctx.textBaseline = 'middle';
    for (const label of labels) {
      // Near the right edge (the last days of the campaign) the figure goes left of its point.
      const width = ctx.measureText(label.text).width;
      if (label.x + width > chart.width - 8) label.x -= width + 28;
      // A white halo keeps the figure legible where it crosses a grid or plan line.
      ctx.lineWidth = 6;
      ctx.strokeStyle = INK.background;
      ctx.strokeText(label.text, label.x, label.y);
      ctx.fillStyle = label.color;
      ctx.fillText(label.text, label.x, label.y);
    }
    ctx.restore();
  },
};

import type { ChartConfiguration, LegendItem, Plugin } from 'chart.js';
import {
  CHART_WIDTH,
  canvasFont,
  chartFont,
  measureText,
  renderChartPng,
  truncateText,
  wrapText,
} from './chart-canvas.js';
import type { UnitProgressRow } from '../domain/daily-report-data.js';
import { PACE_ORDER, type PaceStatus } from '../domain/pace.js';
import { INK, NOT_REPORTED_OUTLINE, PACE_COLORS } from './report-palette.js';
import { PACE_LABELS, chartUnitLabel } from '../messages/unit-label-messages.js';
import { formatPercent, formatPointChange, nfc } from '../messages/vi-format.js';
import { chartWords } from '../messages/report-document-messages.js';

/** What one image of horizontal ranking bars shows. */
export interface RankedBarChartSpec {
  /** Rows in display order, each with a target. */
  rows: readonly UnitProgressRow[];
  /** Show the district after each commune name (province view). */
  withParent: boolean;
  titleLines: readonly string[];
  subtitleLines: readonly string[];
  /** Rows the legend counts statuses over: the whole ranking, not only this image's slice. */
  legendRows: readonly UnitProgressRow[];
  /** Right end of the axis in percent, shared by all images of one ranking so they compare. */
  axisMaxPercent: number;
  /** Text under the bars (units without a target), wrapped to the width; null for none. */
  footnote: string | null;
}

// Sizes in px at 1080 px width: ≥ 20 px stays readable on a phone without zooming.
const SIZE = { title: 32, subtitle: 23, legend: 23, tick: 24, value: 24, note: 22 } as const;
const ROW_HEIGHT = 56;
// Longest axis label in px; the longest real name, 'Phường Đông Thanh · Đông Hà' with its rank, is ~330.
const MAX_LABEL_WIDTH = 420;
const SIDE_PADDING = 20;

/** The subtitle line that explains the figure at the end of each bar. */
export const BAR_VALUE_HINT = chartWords.barValueHint;

/** The value printed at the end of a bar: completion, and today's gain in percentage points. */
export function barValueLabel(row: UnitProgressRow): string {
  const completion = row.completion ?? 0;
  const gain = row.targetCases > 0 ? row.attachedChange / row.targetCases : 0;
  return `${formatPercent(completion)} (${formatPointChange(gain)})`;
}

/** The axis label of a bar: rank, name, and district when asked. */
export function barAxisLabel(row: UnitProgressRow, withParent: boolean): string {
  return nfc(`${row.rank ?? '–'}. ${chartUnitLabel(row, withParent)}`);
}

/** The px height an image needs for its bars, header and footnote; chart.js then fits inside it. */
function imageHeight(spec: RankedBarChartSpec, footnoteLines: number): number {
  const title = spec.titleLines.length * Math.ceil(SIZE.title * 1.25) + 24;
  const subtitle = spec.subtitleLines.length * Math.ceil(SIZE.subtitle * 1.3) + 12;
  const legend = 3 * (SIZE.legend + 16) + 8; // room for the legend to wrap onto a third row
  const axis = SIZE.tick + 24;
  const footnote = footnoteLines > 0 ? footnoteLines * Math.ceil(SIZE.note * 1.35) + 28 : 0;
  return title + subtitle + legend + axis + spec.rows.length * ROW_HEIGHT + footnote + 24;
}

/** Renders one image of ranked horizontal bars coloured by pace, with values at the bar ends. */
export async function renderRankedBarChart(spec: RankedBarChartSpec): Promise<Buffer> {
  const noteFont = canvasFont(SIZE.note);
  const footnoteLines = spec.footnote
    ? wrapText(nfc(spec.footnote), noteFont, CHART_WIDTH - 2 * SIDE_PADDING)
    : [];
  const footnoteHeight =
    footnoteLines.length > 0 ? footnoteLines.length * Math.ceil(SIZE.note * 1.35) + 28 : 0;
  const height = imageHeight(spec, footnoteLines.length);
  const valueLabels = spec.rows.map(barValueLabel);
  const valueWidth =
    Math.max(0, ...valueLabels.map((label) => measureText(label, canvasFont(SIZE.value, true)))) + 16;

  const counts = new Map<PaceStatus, number>();
  for (const row of spec.legendRows) counts.set(row.pace, (counts.get(row.pace) ?? 0) + 1);
  // Only statuses that occur: a legend entry with "(0)" is noise on a small screen.
  const legendItems: LegendItem[] = PACE_ORDER.filter((pace) => (counts.get(pace) ?? 0) > 0).map((pace) => ({
    text: nfc(`${PACE_LABELS[pace]} (${counts.get(pace) ?? 0})`),
    fillStyle: PACE_COLORS[pace],
    strokeStyle: PACE_COLORS[pace],
    lineWidth: 0,
    hidden: false,
    fontColor: INK.text,
  }));
  // Not having reported today is its own entry, drawn as an outline: the fill stays the unit's pace.
  const silent = spec.legendRows.filter((row) => row.timing === 'missing').length;
  if (silent > 0) {
    legendItems.push({
      text: nfc(`${chartWords.notReported} (${silent})`),
      fillStyle: INK.background,
      strokeStyle: NOT_REPORTED_OUTLINE,
      lineWidth: 3,
      hidden: false,
      fontColor: INK.text,
    });
  }
  if (spec.rows.some((row) => row.plan !== null)) {
    legendItems.push({
      text: nfc(chartWords.planMark),
      fillStyle: INK.text,
      strokeStyle: INK.text,
      lineWidth: 0,
      hidden: false,
      fontColor: INK.text,
      pointStyle: 'line',
    });
  }

  const valueLabelPlugin: Plugin<'bar'> = {
    id: 'sohoaBarValues',
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      ctx.save();
      // The plan mark: where the unit should stand by the day it is judged against.
      const x = chart.scales.x;
      ctx.strokeStyle = INK.text;
      ctx.lineWidth = 4;
      chart.getDatasetMeta(0).data.forEach((bar, index) => {
        const plan = spec.rows[index]?.plan;
        if (plan === null || plan === undefined || !x) return;
        const { y, height } = bar.getProps(['y', 'height'], true) as { y: number; height: number };
        const px = x.getPixelForValue(Math.min(spec.axisMaxPercent, plan * 100));
        ctx.beginPath();
        ctx.moveTo(px, y - height / 2 - 4);
        ctx.lineTo(px, y + height / 2 + 4);
        ctx.stroke();
      });
      ctx.font = canvasFont(SIZE.value, true);
      ctx.fillStyle = INK.text;
      ctx.textBaseline = 'middle';
      ctx.textAlign = 'left';
      chart.getDatasetMeta(0).data.forEach((bar, index) => {
        const { x, y } = bar.getProps(['x', 'y'], true) as { x: number; y: number };
        ctx.fillText(valueLabels[index] ?? '', x + 10, y);
      });
      ctx.restore();
    },
    afterDraw(chart) {
      if (footnoteLines.length === 0) return;
      const { ctx } = chart;
      ctx.save();
      ctx.font = noteFont;
      ctx.fillStyle = INK.text;
      ctx.textBaseline = 'top';
      const lineHeight = Math.ceil(SIZE.note * 1.35);
      let y = chart.height - footnoteHeight + 14;
      for (const line of footnoteLines) {
        ctx.fillText(line, SIDE_PADDING, y);
        y += lineHeight;
      }
      ctx.restore();
    },
  };

  const config: ChartConfiguration<'bar'> = {
    type: 'bar',
    data: {
      labels: spec.rows.map((row) =>
        truncateText(barAxisLabel(row, spec.withParent), canvasFont(SIZE.tick), MAX_LABEL_WIDTH),
      ),
      datasets: [
        {
          data: spec.rows.map((row) => Math.max(0, (row.completion ?? 0) * 100)),
          backgroundColor: spec.rows.map((row) => PACE_COLORS[row.pace]),
          borderColor: spec.rows.map((row) =>
            row.timing === 'missing' ? NOT_REPORTED_OUTLINE : 'transparent',
          ),
          borderWidth: spec.rows.map((row) => (row.timing === 'missing' ? 4 : 0)),
          borderSkipped: false,
          barPercentage: 0.9,
          categoryPercentage: 0.8,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      layout: {
        padding: {
          left: SIDE_PADDING,
          right: SIDE_PADDING + valueWidth,
          top: 12,
          bottom: 12 + footnoteHeight,
        },
      },
      scales: {
        x: {
          position: 'top',
          // With no bars (every unit lacks a target) an empty axis would only puzzle the reader.
          display: spec.rows.length > 0,
          min: 0,
          max: spec.axisMaxPercent,
          ticks: {
            font: chartFont(SIZE.tick),
            color: INK.muted,
            // Past 100 % the 20-point steps would crowd; never rotate, a tilted axis is hard to read.
            stepSize: spec.axisMaxPercent > 100 ? 40 : 20,
            maxRotation: 0,
            callback: (value) => `${value}%`,
          },
          grid: { color: INK.grid },
          border: { display: false },
        },
        y: {
          display: spec.rows.length > 0,
          ticks: {
            font: chartFont(SIZE.tick),
            color: INK.text,
            crossAlign: 'far',
            autoSkip: false,
          },
          grid: { display: false },
          // With left-aligned ("far") labels chart.js ignores ticks.padding: make the gap ourselves.
          afterFit: (scale) => {
            scale.width += 14;
          },
        },
      },
      plugins: {
        title: {
          display: true,
          align: 'start',
          text: spec.titleLines.map(nfc),
          font: chartFont(SIZE.title, true),
          padding: { top: 8, bottom: 10 },
        },
        subtitle: {
          display: spec.subtitleLines.length > 0,
          text: spec.subtitleLines.map(nfc),
          align: 'start',
          font: chartFont(SIZE.subtitle),
          color: INK.muted,
          padding: { bottom: 12 },
        },
        legend: {
          display: true,
          align: 'start',
          labels: {
            font: chartFont(SIZE.legend),
            boxWidth: 26,
            boxHeight: 22,
            padding: 16,
            generateLabels: () => legendItems,
          },
        },
        tooltip: { enabled: false },
      },
    },
    plugins: [valueLabelPlugin],
  };
  return renderChartPng(CHART_WIDTH, height, config);
}

/** How many unranked units a footnote names before it only counts the rest. */
const FOOTNOTE_MAX_NAMES = 20;

/** The note listing units that have no target and therefore no place in the ranking. */
export function unrankedFootnote(rows: readonly UnitProgressRow[], withParent: boolean): string | null {
  if (rows.length === 0) return null;
  const named = rows
    .slice(0, FOOTNOTE_MAX_NAMES)
    .map((row) => chartWords.unrankedUnit(chartUnitLabel(row, withParent), row.attached));
  return nfc(chartWords.unranked(rows.length, named, rows.length - named.length));
}

/** The right end of the percent axis: 100 %, or the next multiple of 40 when someone is past it. */
export function axisMaxPercent(rows: readonly UnitProgressRow[]): number {
  const highest = Math.max(0, ...rows.map((row) => (row.completion ?? 0) * 100));
  // Multiples of 40 match the 40-point ticks used past 100 %, so the last tick is the axis end.
  return highest <= 100 ? 100 : Math.ceil(highest / 40) * 40;
}

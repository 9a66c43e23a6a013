import { beforeAll, describe, expect, it } from 'vitest';
import { TELEGRAM_PHOTO_LIMITS } from '../../src/reports/chart-canvas.js';
import { renderGroupChart } from '../../src/reports/group-chart.js';
import { renderProgressChart } from '../../src/reports/progress-chart.js';
import { barAxisLabel, barValueLabel } from '../../src/reports/ranked-bar-chart.js';
import { MAX_BARS_PER_IMAGE, renderRankingCharts, splitEvenly } from '../../src/reports/ranking-chart.js';
import { PACE_COLORS, SERIES_COLORS } from '../../src/reports/report-palette.js';
import { rankedRows } from '../../src/domain/report-rows.js';
import { buildDistrictFixture, buildProvinceFixture, UNTARGETED_COMMUNES } from './daily-report-fixture.js';
import { inkStats, pngSize } from './report-inspection.js';

const province = buildProvinceFixture();

function expectWithinTelegramLimits(png: Buffer): void {
  const { width, height } = pngSize(png);
  expect(png.length).toBeLessThanOrEqual(TELEGRAM_PHOTO_LIMITS.maxBytes);
  expect(width + height).toBeLessThanOrEqual(TELEGRAM_PHOTO_LIMITS.maxSidesSum);
  expect(Math.max(width, height) / Math.min(width, height)).toBeLessThanOrEqual(
    TELEGRAM_PHOTO_LIMITS.maxRatio,
  );
}

describe('ranking charts', () => {
  let images: Buffer[] = [];
  beforeAll(async () => {
    images = await renderRankingCharts(province);
  });

  it('splits 119 communes into phone-sized images of at most 30 bars', () => {
    const ranked = rankedRows(province.communes);
    expect(ranked).toHaveLength(119 - UNTARGETED_COMMUNES.length);
    expect(images).toHaveLength(Math.ceil(ranked.length / MAX_BARS_PER_IMAGE));
    expect(images).toHaveLength(Math.ceil(119 / MAX_BARS_PER_IMAGE));
  });

  it('produces decodable PNGs 1080 px wide within Telegram limits', async () => {
    for (const png of images) {
      const { width, height } = pngSize(png);
      expect(width).toBe(1080);
      expect(height).toBeGreaterThan(1500);
      expectWithinTelegramLimits(png);
      const stats = await inkStats(png);
      expect(stats.width).toBe(width);
      expect(stats.height).toBe(height);
    }
  });

  it('draws bars in the pace colours, not a blank canvas', async () => {
    const first = await inkStats(images[0] ?? Buffer.alloc(0), [
      PACE_COLORS.on_track,
      PACE_COLORS.far_behind,
    ]);
    expect(first.nonWhiteShare).toBeGreaterThan(0.05);
    expect(first.colorCounts[PACE_COLORS.on_track]).toBeGreaterThan(10_000);
    const last = await inkStats(images[images.length - 1] ?? Buffer.alloc(0), [PACE_COLORS.far_behind]);
    expect(last.colorCounts[PACE_COLORS.far_behind]).toBeGreaterThan(10_000);
  });

  it('gives the last image room for the note on units without a target', () => {
    const heights = images.map((png) => pngSize(png).height);
    expect(heights[heights.length - 1]).toBeGreaterThan(heights[0] ?? 0);
  });

  it('honours another limit of bars per image', async () => {
    const ranked = rankedRows(province.communes).length;
    const fewer = await renderRankingCharts(province, { maxBarsPerImage: 60 });
    expect(fewer).toHaveLength(Math.ceil(ranked / 60));
    for (const png of fewer) expectWithinTelegramLimits(png);
  });
});

describe('bar labels', () => {
  const commune = rankedRows(province.communes)[0];

  it('names the district beside the commune only in a province view', () => {
    if (!commune) throw new Error('fixture has no ranked commune');
    const row = { ...commune, unitName: 'Phường 1', parentName: 'Thành phố Đông Hà', rank: 1 };
    expect(barAxisLabel(row, true)).toBe('1. Phường 1 (TP Đông Hà)');
    expect(barAxisLabel(row, false)).toBe('1. Phường 1');
  });

  it('prints completion and the gain since yesterday in points, Vietnamese style', () => {
    if (!commune) throw new Error('fixture has no ranked commune');
    const row = { ...commune, targetCases: 1000, attached: 624, completion: 0.624, attachedChange: 31 };
    expect(barValueLabel(row)).toBe('62,4% (+3,1)');
  });

  it('splits evenly rather than leaving a lone bar', () => {
    const rows = Array.from({ length: 119 }, (_, index) => index);
    expect(splitEvenly(rows, 30).map((slice) => slice.length)).toEqual([30, 30, 30, 29]);
    expect(splitEvenly(rows.slice(0, 31), 30).map((slice) => slice.length)).toEqual([16, 15]);
    expect(splitEvenly([], 30)).toEqual([]);
  });
});

describe('district chart', () => {
  it('compares the 9 districts in a province view', async () => {
    const png = await renderGroupChart(province);
    if (!png) throw new Error('expected a district chart for the province');
    const { width, height } = pngSize(png);
    expect(width).toBe(1080);
    expect(height).toBeGreaterThan(500);
    expectWithinTelegramLimits(png);
    const stats = await inkStats(png, [PACE_COLORS.on_track]);
    expect(stats.nonWhiteShare).toBeGreaterThan(0.05);
    expect(stats.colorCounts[PACE_COLORS.on_track]).toBeGreaterThan(5_000);
  });

  it('is absent for a district scope', async () => {
    expect(await renderGroupChart(buildDistrictFixture())).toBeNull();
  });
});

describe('progress chart', () => {
  it('draws the three steps and the plan on a square image', async () => {
    const png = await renderProgressChart(province);
    expect(pngSize(png)).toEqual({ width: 1080, height: 1080 });
    expectWithinTelegramLimits(png);
    const stats = await inkStats(png, [SERIES_COLORS.scanned, SERIES_COLORS.entered, SERIES_COLORS.attached]);
    expect(stats.nonWhiteShare).toBeGreaterThan(0.03);
    expect(stats.colorCounts[SERIES_COLORS.scanned]).toBeGreaterThan(1_000);
    expect(stats.colorCounts[SERIES_COLORS.entered]).toBeGreaterThan(1_000);
    expect(stats.colorCounts[SERIES_COLORS.attached]).toBeGreaterThan(1_000);
  });

  it('renders a district scope too', async () => {
    const png = await renderProgressChart(buildDistrictFixture());
    expect((await inkStats(png)).nonWhiteShare).toBeGreaterThan(0.03);
  });
});

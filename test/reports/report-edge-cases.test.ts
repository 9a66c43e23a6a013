import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { DailyReportData, UnitProgressRow } from '../../src/domain/daily-report-data.js';
import { renderDailyReportPdf } from '../../src/reports/daily-report-pdf.js';
import { formatDailyCaption, formatDailySummary } from '../../src/messages/daily-summary-messages.js';
import { renderProgressChart } from '../../src/reports/progress-chart.js';
import { renderRankingCharts } from '../../src/reports/ranking-chart.js';
import { buildDistrictFixture } from './daily-report-fixture.js';
import { inkStats, pngSize } from './report-inspection.js';

const base = buildDistrictFixture();

function withoutTarget(row: UnitProgressRow): UnitProgressRow {
  return { ...row, targetBooks: 0, targetCases: 0, completion: null, rank: null };
}

describe('unusual data', () => {
  it('renders nothing to rank when the scope has no communes', async () => {
    const empty: DailyReportData = {
      ...base,
      communes: [],
      missingNames: [],
      unitCount: 0,
      reportedOnTime: 0,
      reportedLate: 0,
      missing: 0,
    };
    expect(await renderRankingCharts(empty)).toEqual([]);
    const pdf = await renderDailyReportPdf(empty, {
      ranking: [],
      group: null,
      progress: await renderProgressChart(empty),
    });
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(2);
    expect(formatDailySummary(empty)).toContain('0/0 đúng giờ');
  });

  it('still lists units when none has a target', async () => {
    const untargeted: DailyReportData = { ...base, communes: base.communes.map(withoutTarget) };
    const images = await renderRankingCharts(untargeted);
    expect(images).toHaveLength(1);
    expect((await inkStats(images[0] ?? Buffer.alloc(0))).nonWhiteShare).toBeGreaterThan(0.005);
    expect(formatDailySummary(untargeted)).not.toContain('dẫn đầu');
  });

  it('keeps bars visible beside an absurdly long name and past 100 %', async () => {
    const [first, ...others] = base.communes.filter((row) => row.rank !== null);
    if (!first) throw new Error('fixture has no ranked commune');
    const odd: DailyReportData = {
      ...base,
      communes: [
        { ...first, unitName: `Xã ${'Rất Dài '.repeat(12)}`, completion: 1.37, attachedChange: -40 },
        ...others,
      ],
    };
    const [png] = await renderRankingCharts(odd);
    if (!png) throw new Error('no image');
    expect(pngSize(png).width).toBe(1080);
    expect((await inkStats(png)).nonWhiteShare).toBeGreaterThan(0.05);
  });

  it('draws only the plan when no day has been reported yet', async () => {
    const png = await renderProgressChart({ ...base, series: [] });
    expect((await inkStats(png)).nonWhiteShare).toBeGreaterThan(0.01);
  });

  it('keeps the caption short even with many missing names', () => {
    const names = Array.from({ length: 80 }, (_, index) => `Xã Có Tên Khá Dài Số ${index + 1} (Huyện Thử)`);
    const busy: DailyReportData = { ...base, missing: names.length, missingNames: names };
    expect(formatDailyCaption(busy).length).toBeLessThanOrEqual(1024);
    expect(formatDailySummary(busy).length).toBeLessThanOrEqual(4096);
  });
});

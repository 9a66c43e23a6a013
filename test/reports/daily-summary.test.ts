import { describe, expect, it } from 'vitest';
import type { DailyReportData, MilestoneInfo } from '../../src/domain/daily-report-data.js';
import { rankedRows } from '../../src/domain/report-rows.js';
import {
  DEFAULT_SUMMARY_LIMITS,
  fitBlocks,
  formatDailyCaption,
  formatDailySummary,
  milestoneLine,
} from '../../src/messages/daily-summary-messages.js';
import { formatNumber, formatPercent } from '../../src/messages/vi-format.js';
import { buildDistrictFixture, buildProvinceFixture } from './daily-report-fixture.js';

const province = buildProvinceFixture();

describe('daily summary text', () => {
  const text = formatDailySummary(province);

  it('counts who reported on time, late, and not at all', () => {
    expect(province.reportedOnTime + province.reportedLate + province.missing).toBe(119);
    expect(text).toContain(
      `Báo cáo hôm nay: ${province.reportedOnTime}/119 đúng giờ, ${province.reportedLate} muộn, ${province.missing} chưa báo cáo.`,
    );
  });

  it('names missing units when there are at most ten', () => {
    expect(province.missingNames.length).toBeLessThanOrEqual(10);
    for (const name of province.missingNames) expect(text).toContain(name.normalize('NFC'));
  });

  it('only counts missing units when there are more than ten', () => {
    const many: DailyReportData = {
      ...province,
      missing: 14,
      missingNames: Array.from({ length: 14 }, (_, index) => `Xã Thử ${index + 1}`),
    };
    const summary = formatDailySummary(many);
    expect(summary).toContain('Chưa báo cáo: 14 đơn vị');
    expect(summary).not.toContain('Xã Thử 1,');
  });

  it('gives the overall figures Vietnamese style', () => {
    const { totals } = province;
    expect(text).toContain(`${formatNumber(totals.attached)}/${formatNumber(totals.targetCases)} hồ sơ`);
    expect(text).toContain(`(${formatPercent(totals.completion)})`);
    expect(text).toContain(`hôm nay +${formatNumber(totals.attachedChange)}`);
    expect(text).toMatch(/\d{1,3}\.\d{3}\/\d{1,3}\.\d{3} hồ sơ/);
  });

  it('lists the five best and the five furthest behind', () => {
    const ranked = rankedRows(province.communes);
    for (const row of [...ranked.slice(0, 5), ...ranked.slice(-5)]) {
      expect(text).toContain(`${row.rank}. ${row.unitName.normalize('NFC')}`);
    }
    const sixth = ranked[5];
    if (!sixth) throw new Error('fixture too small');
    expect(text).not.toContain(`${sixth.rank}. ${sixth.unitName}`);
  });

  it('tells the days left and the pace needed for each deadline', () => {
    for (const milestone of province.milestones) expect(text).toContain(milestoneLine(milestone));
    expect(text).toContain('còn 10 ngày');
    expect(text).toMatch(/cần [\d.]+ hồ sơ\/ngày/);
  });

  it('is plain NFC text within Telegram limits', () => {
    expect(text.length).toBeLessThanOrEqual(DEFAULT_SUMMARY_LIMITS.text);
    expect(text).toBe(text.normalize('NFC'));
    expect(text).not.toMatch(/<[a-z]+>/i);
    expect(text).toContain('Triệu Độ'.normalize('NFC'));
  });

  it('speaks of the district in a district scope', () => {
    const district = formatDailySummary(buildDistrictFixture());
    expect(district).toContain('HUYỆN VĨNH LINH');
    expect(district).toContain('Toàn huyện:');
    expect(district).not.toContain('(Vĩnh Linh)');
  });
});

describe('caption variant', () => {
  it('fits a photo caption and keeps the key figures', () => {
    const caption = formatDailyCaption(province);
    expect(caption.length).toBeLessThanOrEqual(DEFAULT_SUMMARY_LIMITS.caption);
    expect(caption).toContain(`${province.reportedOnTime}/119 đúng giờ`);
    expect(caption).toContain(formatPercent(province.totals.completion));
    expect(caption).toContain(rankedRows(province.communes)[0]?.unitName ?? '???');
  });

  it('drops optional lines rather than overflowing', () => {
    const verbose: DailyReportData = {
      ...province,
      milestones: Array.from({ length: 40 }, (_, index) => ({
        code: `m${index}`,
        title: `Bước có tên rất dài số ${index}`,
        metric: 'scanned' as const,
        deadline: '2025-03-20',
        state: 'open' as const,
        daysLeft: 10,
        daysOverdue: 0,
        target: 5000,
        remaining: 1000,
        neededPerDay: 100,
      })),
    };
    const caption = formatDailyCaption(verbose);
    expect(caption.length).toBeLessThanOrEqual(DEFAULT_SUMMARY_LIMITS.caption);
    expect(caption).toContain(formatPercent(province.totals.completion));
  });

  it('fits a tighter channel limit when one is passed', () => {
    const short = formatDailySummary(province, 2000);
    expect(short.length).toBeLessThanOrEqual(2000);
    expect(short).toContain(formatPercent(province.totals.completion));
  });

  it('skips blocks that do not fit but keeps later ones that do', () => {
    expect(fitBlocks(['aaa', 'b'.repeat(50), 'cc'], 10, '\n')).toBe('aaa\ncc');
    expect(fitBlocks(['x'.repeat(20)], 10)).toHaveLength(10);
  });
});

describe('milestone lines', () => {
  const base: MilestoneInfo = {
    code: 'scan',
    title: 'Quét',
    metric: 'scanned',
    deadline: '2025-03-20',
    state: 'open',
    daysLeft: 10,
    daysOverdue: 0,
    target: 200_000,
    remaining: 81_005,
    neededPerDay: 8_101,
  };
  it('reads days left, overdue and done', () => {
    expect(milestoneLine(base)).toBe(
      'Quét (hạn 20/03/2025): còn 10 ngày, còn 81.005 hồ sơ, cần 8.101 hồ sơ/ngày.',
    );
    expect(
      milestoneLine({ ...base, state: 'overdue', daysLeft: 0, daysOverdue: 2, neededPerDay: null }),
    ).toBe('Quét (hạn 20/03/2025): quá hạn 2 ngày, chưa hoàn thành, còn 81.005 hồ sơ.');
    expect(milestoneLine({ ...base, state: 'overdue', daysLeft: 0, neededPerDay: null })).toBe(
      'Quét (hạn 20/03/2025): đã hết hạn, chưa hoàn thành, còn 81.005 hồ sơ.',
    );
    expect(milestoneLine({ ...base, state: 'done', remaining: 0 })).toBe(
      'Quét (hạn 20/03/2025): đã hoàn thành.',
    );
  });

  it('counts books in sổ, not hồ sơ', () => {
    const books: MilestoneInfo = {
      ...base,
      title: 'Thu thập sổ',
      metric: 'books',
      remaining: 148,
      neededPerDay: 15,
    };
    expect(milestoneLine(books)).toBe(
      'Thu thập sổ (hạn 20/03/2025): còn 10 ngày, còn 148 sổ, cần 15 sổ/ngày.',
    );
  });
});

import type { DailyReportData, MilestoneInfo } from '../domain/daily-report-data.js';
import { formatDate, formatDayMonth, formatNumber, formatPercent } from './vi-format.js';

// Every word of the PDF report, its charts and the Excel/CSV export; the renderers in src/reports
// only lay them out.

function share(part: number, whole: number): string {
  return whole > 0 ? `${formatPercent(part / whole)} chỉ tiêu` : 'chưa có chỉ tiêu';
}

/** Headers of the export table (Excel and CSV), in column order by key. */
export const EXPORT_HEADERS = {
  level: 'Cấp',
  date: 'Ngày',
  unitCode: 'Mã đơn vị',
  unitName: 'Đơn vị',
  parentName: 'Trực thuộc',
  targetBooks: 'Chỉ tiêu sổ',
  targetCases: 'Chỉ tiêu hồ sơ',
  books: 'Sổ đã thu',
  scanned: 'Đã quét',
  entered: 'Đã nhập',
  attached: 'Đã đính kèm & rà soát',
  attachedChange: 'Tăng trong ngày',
  completion: 'Tỷ lệ hoàn thành (%)',
  rank: 'Xếp hạng',
  pace: 'Tiến độ',
  timing: 'Báo cáo hôm nay',
  lastReportAt: 'Báo cáo lúc',
} as const;

/** Words of the PDF's unit tables. */
export const unitTableWords = {
  unit: 'Đơn vị',
  district: 'Huyện',
  books: 'Sổ\nđã thu',
  scanned: 'Đã\nquét',
  entered: 'Đã\nnhập',
  attached: 'Đính kèm\n& rà soát',
  completion: '% chỉ\ntiêu',
  rank: 'Hạng',
  attachedChange: 'Tăng\nhôm nay',
  lastReportAt: 'Báo cáo\nlúc',
  timing: 'Báo cáo\nhôm nay',
  communeTitle: (count: number) => `Chi tiết theo xã, phường, thị trấn (${count} đơn vị)`,
  districtTitle: (count: number) => `Tổng hợp theo huyện, thị xã, thành phố (${count} đơn vị)`,
  total: 'Tổng cộng',
  provinceTotal: 'Toàn tỉnh',
  continued: (title: string) => `${title} (tiếp)`,
} as const;

/** Words of the PDF's cover page. */
export const coverWords = {
  title: 'BÁO CÁO TIẾN ĐỘ SỐ HÓA SỔ HỘ TỊCH',
  documentTitle: (data: DailyReportData) =>
    `Báo cáo tiến độ số hóa – ${data.scopeName} – ngày ${formatDate(data.date)}`,
  dateLine: (data: DailyReportData, day: { day: number; total: number } | null) => {
    const period = `đợt ${formatDate(data.startDate)} – ${formatDate(data.endDate)}`;
    return `Ngày ${formatDate(data.date)}${day ? ` (ngày ${day.day}/${day.total}, ${period})` : ` (${period})`}`;
  },
  milestonesTitle: 'Thời hạn và tiến độ cần đạt',
  milestoneStep: 'Bước',
  milestoneDeadline: 'Hạn',
  milestoneState: 'Tình trạng',
  milestoneRemaining: 'Còn lại\n(hồ sơ)',
  milestonePerDay: 'Cần mỗi ngày\n(hồ sơ)',
  milestoneStatus: (m: MilestoneInfo): string => {
    if (m.remainingCases <= 0) return 'Đã hoàn thành';
    if (m.daysLeft < 0) return `Quá hạn ${-m.daysLeft} ngày`;
    return m.daysLeft === 0 ? 'Hạn hôm nay' : `Còn ${m.daysLeft} ngày`;
  },
  missing: (data: DailyReportData) => {
    const names = data.missingNames.length > 0 ? data.missingNames.join(', ') : `${data.missing} đơn vị`;
    return `Chưa báo cáo hôm nay (${data.missing}): ${names}.`;
  },
  missingMore: '… (xem cột “Báo cáo hôm nay” trong bảng chi tiết)',
  overall: (completion: number, planShare: number) =>
    `Tiến độ chung: ${formatPercent(completion)} · kế hoạch đến hôm nay ${formatPercent(planShare)}`,
  leaders: (count: number) => `${count} đơn vị dẫn đầu`,
  laggards: '5 đơn vị chậm nhất',
  /** The six key figures of the cover, label + value + note. */
  keyFigures: (data: DailyReportData) => {
    const { totals } = data;
    return [
      {
        label: 'Đã đính kèm & rà soát',
        note: `${formatNumber(totals.attached)}/${formatNumber(totals.targetCases)} hồ sơ`,
      },
      { label: 'Tăng hôm nay', note: 'hồ sơ đính kèm & rà soát' },
      {
        label: 'Báo cáo đúng giờ hôm nay',
        note: `${data.reportedLate} muộn · ${data.missing} chưa báo cáo`,
      },
      { label: 'Đã quét', note: share(totals.scanned, totals.targetCases) },
      { label: 'Đã nhập', note: share(totals.entered, totals.targetCases) },
      {
        label: 'Sổ đã thu',
        note:
          totals.targetBooks > 0
            ? `${formatPercent(totals.books / totals.targetBooks)} số sổ`
            : 'chưa có chỉ tiêu',
      },
    ] as const;
  },
} as const;

/** Words of the charts. */
export const chartWords = {
  scanned: 'Đã quét',
  entered: 'Đã nhập',
  attached: 'Đã đính kèm & rà soát',
  plan: 'Kế hoạch',
  cumulativeAxis: 'Số hồ sơ (lũy kế)',
  progressTitle: 'Tiến độ lũy kế theo ngày',
  progressSubtitle: (data: DailyReportData) =>
    `Chỉ tiêu ${formatNumber(data.totals.targetCases)} hồ sơ, hạn ${formatDayMonth(data.endDate)}`,
  districtTitle: 'Tiến độ số hóa – so sánh các huyện theo % đính kèm',
  rankingTitle: (part: string) => `Tiến độ số hóa – xếp hạng theo % đính kèm${part}`,
  rankingPart: (first: number | null, last: number | null, count: number) =>
    ` · hạng ${first}–${last}/${count}`,
  barValueHint: 'Cuối thanh: % đã đính kèm & rà soát / chỉ tiêu (+ điểm % so với hôm qua)',
  unrankedUnit: (label: string, attached: number) => `${label} (${formatNumber(attached)} hồ sơ)`,
  unranked: (count: number, named: readonly string[], rest: number) =>
    `Chưa có chỉ tiêu, không xếp hạng (${count}): ${named.join('; ')}${rest > 0 ? `; và ${rest} đơn vị khác` : ''}.`,
} as const;

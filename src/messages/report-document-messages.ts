import type { MetricCode } from '../domain/campaign-file.js';
import type { DailyReportData, MilestoneInfo } from '../domain/daily-report-data.js';
import type { ReportTiming } from '../domain/progress.js';
import type { StepForecast } from '../domain/forecast.js';
import type { LevelDefinition } from '../domain/unit.js';
import { levelKinds, levelWord, missingUnitLabels } from './unit-label-messages.js';
import { formatDate, formatDayMonth, formatNumber, formatPercent } from './vi-format.js';

/** The unit a step is counted in: books in sổ, every other step in hồ sơ. */
export function metricUnit(metric: MetricCode): string {
  return metric === 'books' ? 'sổ' : 'hồ sơ';
}

/** A step's forecast in words, long (chat, Excel) or short (the PDF's narrow column). */
export function forecastWords(forecast: StepForecast | undefined, metric: MetricCode, short = false): string {
  const unit = metricUnit(metric);
  switch (forecast?.kind) {
    case undefined:
    case 'no_target':
      return '–';
    case 'no_data':
      return short ? '–' : 'chưa đủ số liệu để dự báo';
    case 'done':
      return 'đã xong';
    case 'on_time':
      return short ? formatDayMonth(forecast.date) : `dự kiến xong ngày ${formatDate(forecast.date)}`;
    case 'late':
      if (short) return `thiếu ${formatNumber(forecast.shortfall)}`;
      return (
        `không kịp hạn: đến hạn còn thiếu khoảng ${formatNumber(forecast.shortfall)} ${unit}` +
        (forecast.date
          ? `, dự kiến xong ngày ${formatDate(forecast.date)}`
          : ', 3 ngày báo cáo gần nhất không tăng')
      );
  }
}

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
  attached: 'Đã đính kèm và rà soát',
  attachedChange: 'Tăng trong ngày',
  completion: 'Tỷ lệ hoàn thành (%)',
  rank: 'Xếp hạng',
  pace: 'Tiến độ',
  plan: 'Kế hoạch đến ngày (%)',
  timing: 'Báo cáo hôm nay',
  lastReportAt: 'Báo cáo lúc',
  forecast: {
    books: 'Dự báo: thu sổ',
    scanned: 'Dự báo: quét',
    entered: 'Dự báo: nhập',
    attached: 'Dự báo: đính kèm và rà soát',
  },
} as const;

/** Words of the PDF's unit tables. */
export const unitTableWords = {
  unit: 'Đơn vị',
  books: 'Sổ\nđã thu',
  scanned: 'Đã\nquét',
  entered: 'Đã\nnhập',
  attached: 'Đính kèm\nvà rà soát',
  completion: '% chỉ\ntiêu',
  rank: 'Hạng',
  attachedChange: 'Tăng\nhôm nay',
  timing: 'Báo cáo\nhôm nay',
  /** Today's report in one cell: its time, marked when late; or that none came yet. */
  timingCell: (timing: ReportTiming, time: string | null) =>
    timing === 'missing' || time === null ? 'Chưa' : timing === 'late' ? `${time} muộn` : time,
  forecast: 'Dự báo\nxong',
  communeTitle: (level: LevelDefinition, count: number) =>
    `Chi tiết theo ${levelKinds(level)} (${count} đơn vị)`,
  groupTitle: (level: LevelDefinition, count: number) =>
    `Tổng hợp theo ${levelKinds(level)} (${count} đơn vị)`,
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
  milestoneRemaining: 'Còn lại',
  milestonePerDay: 'Cần mỗi ngày',
  milestoneStatus: (m: MilestoneInfo): string => {
    if (m.state === 'done') return 'Đã hoàn thành';
    if (m.state === 'overdue')
      return m.daysOverdue > 0 ? `Quá hạn ${m.daysOverdue} ngày` : 'Quá hạn, chưa hoàn thành';
    return `Còn ${m.daysLeft} ngày`;
  },
  milestoneAmount: (m: MilestoneInfo, value: number): string =>
    `${formatNumber(value)} ${metricUnit(m.metric)}`,
  daysLeftNote: (afterCutoff: boolean) =>
    afterCutoff
      ? 'Số ngày còn lại tính từ ngày mai đến hết hạn; cần mỗi ngày = còn lại ÷ số ngày còn lại.'
      : 'Số ngày còn lại tính cả hôm nay đến hết hạn; cần mỗi ngày = còn lại ÷ số ngày còn lại.',
  missing: (data: DailyReportData) => {
    const names =
      data.missingNames.length > 0 ? missingUnitLabels(data).join(', ') : `${data.missing} đơn vị`;
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
        label: 'Đã đính kèm và rà soát',
        note: `${formatNumber(totals.attached)}/${formatNumber(totals.targetCases)} hồ sơ`,
      },
      { label: 'Tăng hôm nay', note: 'hồ sơ đính kèm và rà soát' },
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
  attached: 'Đã đính kèm và rà soát',
  plan: 'Kế hoạch',
  target: 'Chỉ tiêu',
  notReported: 'Viền đen: chưa báo cáo hôm nay',
  planMark: 'Vạch: kế hoạch',
  cumulativeAxis: 'Số hồ sơ (lũy kế)',
  progressTitle: 'Tiến độ lũy kế theo ngày',
  progressSubtitle: (data: DailyReportData) =>
    `Chỉ tiêu ${formatNumber(data.totals.targetCases)} hồ sơ, hạn ${formatDayMonth(data.endDate)}`,
  groupTitle: (level: LevelDefinition) => `Tiến độ số hóa – so sánh các ${levelWord(level)} theo % đính kèm`,
  comparisonTitle: (part: string) => `Tiến độ số hóa – so sánh các tỉnh theo % đính kèm${part}`,
  rankingTitle: (part: string) => `Tiến độ số hóa – xếp hạng theo % đính kèm${part}`,
  rankingPart: (first: number | null, last: number | null, count: number) =>
    ` · hạng ${first}–${last}/${count}`,
  barValueHint: 'Cuối thanh: % đã đính kèm và rà soát / chỉ tiêu (+ điểm % so với hôm qua)',
  unrankedUnit: (label: string, attached: number) => `${label} (${formatNumber(attached)} hồ sơ)`,
  unranked: (count: number, named: readonly string[], rest: number) =>
    `Chưa có chỉ tiêu, không xếp hạng (${count}): ${named.join('; ')}${rest > 0 ? `; và ${rest} đơn vị khác` : ''}.`,
} as const;

import type { DailyReportData, MilestoneInfo, UnitProgressRow } from '../domain/daily-report-data.js';
import { campaignDay, rankedRows } from '../domain/report-rows.js';
import { metricUnit } from './report-document-messages.js';
import { levelOf } from '../domain/unit.js';
import { levelWord, missingUnitLabels, shortDistrictName } from './unit-label-messages.js';
import {
  formatDate,
  formatNumber,
  formatPercent,
  formatPointChange,
  formatSignedNumber,
  formatTime,
  nfc,
} from './vi-format.js';

/**
 * How long the summary and its caption may be, in UTF-16 code units (what String#length counts). The
 * defaults are the largest any channel takes (Telegram's 4,096 for a text, 1,024 for a caption); a
 * channel with tighter limits passes its own.
 */
export interface SummaryLimits {
  readonly text: number;
  readonly caption: number;
}

/** The default limits: Telegram's, the most generous channel's. */
export const DEFAULT_SUMMARY_LIMITS: SummaryLimits = Object.freeze({ text: 4096, caption: 1024 });

/** Missing units are named up to this many; beyond it only counted. */
const MAX_MISSING_NAMED = 10;

function unitWithDistrict(row: UnitProgressRow, data: DailyReportData): string {
  return data.scopeLevel === 'province' && row.parentName
    ? `${row.unitName} (${shortDistrictName(row.parentName)})`
    : row.unitName;
}

function rankLine(row: UnitProgressRow, data: DailyReportData): string {
  const gain = row.targetCases > 0 ? row.attachedChange / row.targetCases : 0;
  return `${row.rank ?? '–'}. ${unitWithDistrict(row, data)} – ${formatPercent(row.completion ?? 0)} (${formatPointChange(gain)} điểm %)`;
}

function dayOfCampaign(data: DailyReportData): string {
  const day = campaignDay(data);
  return day ? ` (ngày ${day.day}/${day.total})` : '';
}

/** "Báo cáo hôm nay: 104/119 đúng giờ, 5 muộn, 10 chưa báo cáo." */
function reportingLine(data: DailyReportData): string {
  return `Báo cáo hôm nay: ${data.reportedOnTime}/${data.unitCount} đúng giờ, ${data.reportedLate} muộn, ${data.missing} chưa báo cáo.`;
}

function missingLine(data: DailyReportData): string | null {
  if (data.missing === 0) return null;
  if (data.missingNames.length > 0 && data.missingNames.length <= MAX_MISSING_NAMED) {
    return `Chưa báo cáo: ${missingUnitLabels(data).join(', ')}.`;
  }
  return `Chưa báo cáo: ${data.missing} đơn vị (danh sách trong báo cáo PDF).`;
}

function totalsLine(data: DailyReportData): string {
  const scope = `Toàn ${levelWord(levelOf(data.levels, data.scopeLevel))}`;
  const { totals } = data;
  return (
    `${scope}: ${formatNumber(totals.attached)}/${formatNumber(totals.targetCases)} hồ sơ đã đính kèm và rà soát ` +
    `(${formatPercent(totals.completion)}), hôm nay ${formatSignedNumber(totals.attachedChange)} hồ sơ.`
  );
}

/** One deadline in words: what is left, in the step's own unit, and the pace now needed. */
export function milestoneLine(milestone: MilestoneInfo): string {
  const head = `${milestone.title} (hạn ${formatDate(milestone.deadline)})`;
  if (milestone.state === 'done') return `${head}: đã hoàn thành.`;
  const left = `còn ${formatNumber(milestone.remaining)} ${metricUnit(milestone.metric)}`;
  if (milestone.state === 'overdue') {
    const late = milestone.daysOverdue > 0 ? `quá hạn ${milestone.daysOverdue} ngày` : 'đã hết hạn';
    return `${head}: ${late}, chưa hoàn thành, ${left}.`;
  }
  const when = `còn ${milestone.daysLeft} ngày`;
  const pace =
    milestone.neededPerDay !== null
      ? `, cần ${formatNumber(milestone.neededPerDay)} ${metricUnit(milestone.metric)}/ngày`
      : '';
  return `${head}: ${when}, ${left}${pace}.`;
}

/**
 * Joins blocks in order, leaving out any that would push the text past `limit`, so a long list of
 * names costs the list and never the figures after it. The first block is always kept (cut if must).
 */
export function fitBlocks(blocks: readonly string[], limit: number, separator = '\n\n'): string {
  let text = '';
  for (const block of blocks) {
    const candidate = text ? `${text}${separator}${block}` : block;
    if (candidate.length <= limit) text = candidate;
    else if (!text) text = `${block.slice(0, limit - 1)}…`;
  }
  return text;
}

/** The evening report as plain Vietnamese text for one chat message (≤ `limit` characters). */
export function formatDailySummary(data: DailyReportData, limit = DEFAULT_SUMMARY_LIMITS.text): string {
  const ranked = rankedRows(data.communes);
  const best = ranked.slice(0, 5);
  const worst = ranked.length > 5 ? ranked.slice(Math.max(5, ranked.length - 5)) : [];
  const { totals } = data;
  const blocks = [
    [
      `TIẾN ĐỘ SỐ HÓA SỔ HỘ TỊCH – ${data.scopeName.toUpperCase()}`,
      `Ngày ${formatDate(data.date)}${dayOfCampaign(data)}, dữ liệu lúc ${formatTime(data.dataAsOf, data.timeZone)}`,
    ].join('\n'),
    [reportingLine(data), missingLine(data)].filter((line) => line !== null).join('\n'),
    [
      totalsLine(data),
      `Đã quét ${formatNumber(totals.scanned)} · đã nhập ${formatNumber(totals.entered)} · ` +
        `sổ đã thu ${formatNumber(totals.books)}/${formatNumber(totals.targetBooks)}.`,
    ].join('\n'),
    best.length > 0
      ? [`${best.length} đơn vị dẫn đầu (% đính kèm):`, ...best.map((row) => rankLine(row, data))].join('\n')
      : '',
    worst.length > 0
      ? [`${worst.length} đơn vị chậm nhất:`, ...worst.map((row) => rankLine(row, data))].join('\n')
      : '',
    data.milestones.length > 0
      ? ['Thời hạn:', ...data.milestones.map((m) => `- ${milestoneLine(m)}`)].join('\n')
      : '',
  ].filter(Boolean);
  return nfc(fitBlocks(blocks.map(nfc), limit));
}

/** A shorter variant for a photo or PDF caption (≤ `limit` characters). */
export function formatDailyCaption(data: DailyReportData, limit = DEFAULT_SUMMARY_LIMITS.caption): string {
  const ranked = rankedRows(data.communes);
  const names = (rows: UnitProgressRow[]): string =>
    rows.map((row) => `${unitWithDistrict(row, data)} ${formatPercent(row.completion ?? 0)}`).join('; ');
  const upcoming = data.milestones.filter((m) => m.state !== 'done');
  const blocks = [
    `Tiến độ số hóa – ${data.scopeName}, ${formatDate(data.date)} (dữ liệu lúc ${formatTime(data.dataAsOf, data.timeZone)})`,
    reportingLine(data),
    totalsLine(data),
    ranked.length > 0 ? `Dẫn đầu: ${names(ranked.slice(0, 3))}.` : '',
    ranked.length > 3 ? `Chậm nhất: ${names(ranked.slice(Math.max(3, ranked.length - 3)).reverse())}.` : '',
    ...upcoming.map(milestoneLine),
  ].filter(Boolean);
  return nfc(fitBlocks(blocks.map(nfc), limit, '\n'));
}

/**
 * The closing report of the campaign's last evening: the final standing, who finished, and who did not
 * and by how much (cases still to attach and review). Long lists go out whole: the channel splits them.
 */
export function formatClosingReport(data: DailyReportData): string {
  const ranked = rankedRows(data.communes);
  const finished = ranked.filter((row) => row.attached >= row.targetCases);
  const unfinished = ranked.filter((row) => row.attached < row.targetCases);
  const { totals } = data;
  const lines = [
    `KẾT THÚC ĐỢT SỐ HÓA – ${data.scopeName.toUpperCase()}`,
    `Ngày cuối ${formatDate(data.endDate)}: ${formatNumber(totals.attached)}/${formatNumber(totals.targetCases)} hồ sơ đã đính kèm và rà soát (${formatPercent(totals.completion)}).`,
    ...data.milestones.map((m) => `- ${milestoneLine(m)}`),
    '',
    `Đã hoàn thành (${finished.length}/${ranked.length} đơn vị):`,
    finished.length > 0
      ? finished.map((row) => unitWithDistrict(row, data)).join(', ') + '.'
      : 'chưa có đơn vị nào.',
  ];
  if (unfinished.length > 0) {
    lines.push('', `Chưa hoàn thành (${unfinished.length}), xếp theo % đính kèm:`);
    lines.push(
      ...unfinished.map(
        (row) =>
          `${row.rank ?? '–'}. ${unitWithDistrict(row, data)} – ${formatPercent(row.completion ?? 0)}, ` +
          `còn thiếu ${formatNumber(row.targetCases - row.attached)} hồ sơ`,
      ),
    );
  }
  lines.push(
    '',
    'Sau ngày cuối, bot không gửi nhắc việc và báo cáo hằng ngày nữa; các lệnh tra cứu vẫn dùng được.',
  );
  return nfc(lines.join('\n'));
}

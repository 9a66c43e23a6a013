import { quoted } from './quoted-input.js';
import type { CampaignFile, MetricCode } from '../domain/campaign-file.js';
import { formatNumber } from './vi-format.js';
import type { ParseProblem } from '../domain/report-parser.js';
import type { ReportCheck, RuleProblem } from '../domain/report-rules.js';
import type { StoredReportWarning } from '../domain/report-warning.js';

type Metrics = CampaignFile['metrics'];

/** A metric's short name inside a sentence: 'Đính kèm' → 'đính kèm'; acronyms ('PDF') stay as they are. */
export function metricNoun(metrics: Metrics, code: MetricCode): string {
  const short = metrics.find((m) => m.code === code)?.short ?? code;
  const first = short.charAt(0);
  return short.length > 1 && short === short.toUpperCase() ? short : first.toLowerCase() + short.slice(1);
}

/** 'a', 'a và b', 'a, b và c'. */
function listVi(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} và ${items.at(-1) ?? ''}`;
}

const DATE_FORM = 'dạng 10/03 hoặc 10/03/2025';

/** The Vietnamese sentence telling the sender what is wrong with their report message. */
export function describeParseProblem(problem: ParseProblem, metrics: Metrics): string {
  switch (problem.code) {
    case 'unknown_label': {
      const known = listVi(metrics.map((m) => metricNoun(metrics, m.code)));
      const value = problem.value === undefined ? '' : ` (${problem.value})`;
      return `Không hiểu mục «${quoted(problem.text)}»${value}. Các mục báo cáo: ${known}.`;
    }
    case 'missing_value': {
      const wanted =
        problem.field === 'date'
          ? `ngày, ${DATE_FORM}`
          : problem.field === 'unit'
            ? 'mã xã, chỉ gồm chữ số'
            : `con số ${metricNoun(metrics, problem.field)}`;
      return problem.found === undefined
        ? `Sau «${problem.label}» còn thiếu ${wanted}.`
        : `Sau «${problem.label}» cần ${wanted}, nhưng lại là «${quoted(problem.found)}».`;
    }
    case 'number_without_label':
      return `Số «${quoted(problem.text)}» không có tên mục đi kèm: ghi tên mục trước số, ví dụ «quét 1540».`;
    case 'negative_number':
      return `Số của mục «${problem.label}» không được âm («${quoted(problem.text)}»).`;
    case 'not_whole_number':
      return `Số của mục «${problem.label}» phải là số nguyên («${quoted(problem.text)}»).`;
    case 'not_a_number':
      return `Không đọc được số của mục «${problem.label}» («${quoted(problem.text)}»): chỉ ghi chữ số, ví dụ 1540 hoặc 1.540.`;
    case 'too_large':
      return (
        `Số của mục «${problem.label}» quá lớn (${formatNumber(problem.value)}, ` +
        `tối đa ${formatNumber(problem.limit)}): vui lòng kiểm tra lại.`
      );
    case 'duplicate_metric': {
      const values = listVi(problem.values.map((v) => formatNumber(v)));
      return `Số ${metricNoun(metrics, problem.metric)} được ghi nhiều lần, khác nhau: ${values}. Chỉ ghi một số cho mỗi mục.`;
    }
    case 'invalid_value':
      return problem.field === 'date'
        ? `Ngày «${quoted(problem.text)}» không hợp lệ: viết ${DATE_FORM}.`
        : `Mã xã «${quoted(problem.text)}» không hợp lệ: chỉ gồm chữ số.`;
    case 'duplicate_value':
      return `${problem.field === 'date' ? 'Ngày' : 'Mã xã'} được ghi nhiều lần, khác nhau: ${listVi(problem.values)}.`;
  }
}

const LIMIT_SOURCE_NOTE = {
  reported: '',
  carried: ', theo lần báo cáo trước',
  zero: ', chưa báo cáo',
} as const;

/** The Vietnamese sentence for a broken rule or a figure to confirm. */
export function describeRuleProblem(problem: RuleProblem, metrics: Metrics): string {
  const noun = metricNoun(metrics, problem.metric);
  switch (problem.code) {
    case 'exceeds_earlier_step': {
      const limit = `${formatNumber(problem.limit)}${LIMIT_SOURCE_NOTE[problem.limitSource]}`;
      return (
        `Số ${noun} (${formatNumber(problem.value)}) không thể lớn hơn số ` +
        `${metricNoun(metrics, problem.limitMetric)} (${limit}): mỗi hồ sơ phải được quét và nhập ` +
        `trước khi đính kèm tệp.`
      );
    }
    case 'above_target':
      return problem.target === 'books'
        ? `Số ${noun} (${formatNumber(problem.value)}) vượt số sổ dự kiến của xã (${formatNumber(problem.limit)}). ` +
            'Số dự kiến chỉ là ước tính — xác nhận số này là đúng?'
        : `Số ${noun} (${formatNumber(problem.value)}) vượt tổng số hồ sơ dự kiến của xã ` +
            `(${formatNumber(problem.limit)}). Xác nhận số này là đúng?`;
    case 'decreased':
      return (
        `Số ${noun} giảm so với lần báo cáo trước: ${formatNumber(problem.previous)} → ` +
        `${formatNumber(problem.value)}. Xác nhận đây là chỉnh sửa?`
      );
  }
}

/** A stored revision warning in words: codes are worded now; a sentence from an older row is shown as it is. */
export function describeStoredWarning(warning: StoredReportWarning, metrics: Metrics): string {
  return typeof warning === 'string' ? warning : describeRuleProblem(warning, metrics);
}

/** The Vietnamese note on figures the sender left out (kept from last time, or 0); null if none. */
export function describeFilledIn(
  check: Pick<ReportCheck, 'final' | 'carried' | 'zeroed'>,
  metrics: Metrics,
): string | null {
  const notes: string[] = [];
  if (check.carried.length > 0) {
    const kept = check.carried.map((m) => `${metricNoun(metrics, m)} ${formatNumber(check.final[m])}`);
    notes.push(`Giữ nguyên theo lần báo cáo trước: ${listVi(kept)}.`);
  }
  if (check.zeroed.length > 0) {
    const zeroed = listVi(check.zeroed.map((m) => metricNoun(metrics, m)));
    notes.push(`Chưa có báo cáo trước nên các mục không ghi được tính là 0: ${zeroed}.`);
  }
  return notes.length > 0 ? notes.join(' ') : null;
}

import { MAX_FIGURE } from '../domain/report-parser.js';
import { METRIC_CODES, type CampaignFile, type MetricCode } from '../domain/campaign-file.js';
import type { Figures, RankedStanding, ScopeProgress } from '../domain/progress.js';
import type { ParseProblem } from '../domain/report-parser.js';
import type { ReportRefusal } from '../domain/report-refusal.js';
import type { ReportCheck } from '../domain/report-rules.js';
import {
  describeFilledIn,
  describeParseProblem,
  describeRuleProblem,
  metricNoun,
} from './report-problem-messages.js';
import { BUTTON_WORDING, typedCommand, type ChannelWording } from './channel-wording.js';
import { formatDate, formatNumber, formatPercent, formatSignedNumber } from './vi-format.js';

type Metrics = CampaignFile['metrics'];

/** What the acceptance reply reads of an accepted report (the service's outcome has more). */
export interface AcceptedReport {
  readonly target: {
    readonly date: string;
    readonly late: boolean;
    readonly unit: { readonly name: string };
  };
  readonly check: ReportCheck | null;
  readonly figures: Figures;
  readonly dayBefore: Figures;
}

/** Why a typed date is refused, after 'Ngày 12/03/2025 …' (also used by the dated report commands). */
export const DATE_REFUSAL_REASON = {
  future: 'chưa đến',
  before_campaign: 'trước khi chiến dịch bắt đầu',
  after_campaign: 'sau khi chiến dịch kết thúc',
  before_unit: 'trước khi đơn vị được thành lập (sắp xếp đơn vị hành chính)',
} as const;

/** 'chỉ nhận ngày từ 01/03/2025 đến hôm nay 10/03/2025': the days a typed date may name. */
export function allowedDateRange(range: { earliest: string; latest: string; today: string }): string {
  if (range.latest < range.earliest) return `chiến dịch bắt đầu từ ngày ${formatDate(range.earliest)}`;
  const until =
    range.latest === range.today
      ? `hôm nay ${formatDate(range.today)}`
      : `${formatDate(range.latest)} (ngày kết thúc chiến dịch)`;
  return `chỉ nhận ngày từ ${formatDate(range.earliest)} đến ${until}`;
}

function dateOutOfRange(r: Extract<ReportRefusal, { code: 'date_out_of_range' }>): string {
  return `Ngày ${formatDate(r.date)} ${DATE_REFUSAL_REASON[r.reason]}: ${allowedDateRange(r)}.`;
}

const REFUSALS: Record<ReportRefusal['code'], (r: ReportRefusal) => string> = {
  not_allowed: () => 'Chỉ cán bộ báo cáo của xã (hoặc cán bộ điều phối) mới gửi được báo cáo.',
  unit_required: () =>
    'Cán bộ điều phối báo cáo thay cho xã nào thì ghi mã xã, ví dụ: /baocao xã 19333 sổ 12 quét 1540 nhập 1320 đính kèm 1100',
  unit_unknown: (r) =>
    `Không có xã mã ${'unitCode' in r ? r.unitCode : ''} trong chiến dịch. Kiểm tra lại mã xã.`,
  unit_out_of_scope: (r) => `${'unitName' in r ? r.unitName : 'Đơn vị này'} không thuộc phạm vi của anh/chị.`,
  not_commune: (r) =>
    `${'unitName' in r ? r.unitName : 'Đơn vị này'} không phải cấp xã: báo cáo được gửi theo từng xã.`,
  other_unit_reporter: () =>
    'Anh/chị chỉ báo cáo được cho xã của mình. Bỏ phần "xã …" trong tin nhắn rồi gửi lại.',
  past_date_coordinator_only: () =>
    'Báo cáo cho ngày đã qua chỉ cán bộ điều phối nhập được. Hãy gửi số liệu cộng dồn của hôm nay.',
  date_out_of_range: (r) => (r.code === 'date_out_of_range' ? dateOutOfRange(r) : ''),
  invalid_date: () => 'Ngày không hợp lệ. Ghi ngày dạng 05/03 hoặc 05/03/2025.',
};

function figuresList(metrics: Metrics, figures: Partial<Record<MetricCode, number>>): string {
  return METRIC_CODES.filter((m) => figures[m] !== undefined)
    .map((m) => `${metricNoun(metrics, m)} ${formatNumber(figures[m] ?? 0)}`)
    .join(', ');
}

function figureLines(metrics: Metrics, figures: Figures, before?: Figures): string[] {
  return METRIC_CODES.map((m) => {
    const label = metrics.find((x) => x.code === m)?.short ?? m;
    const change = before ? ` (${formatSignedNumber(figures[m] - before[m])})` : '';
    return `• ${label}: ${formatNumber(figures[m])}${change}`;
  });
}

/** Messages of /baocao and its buttons. */
export const reportMessages = {
  refused: (refusal: ReportRefusal) => REFUSALS[refusal.code](refusal),

  invalid: (metrics: Metrics, problems: ParseProblem[], kept: Partial<Record<MetricCode, number>>) => {
    const lines = [
      '❌ Chưa ghi báo cáo vì:',
      ...problems.map((p) => `• ${describeParseProblem(p, metrics)}`),
    ];
    const keptText = figuresList(metrics, kept);
    if (keptText)
      lines.push(
        '',
        `Đã giữ lại các số hợp lệ: ${keptText}. Chỉ cần gửi lại phần sai, ví dụ: /baocao quét 1540`,
      );
    else lines.push('', 'Ví dụ đúng: /baocao sổ 12 quét 1540 nhập 1320 đính kèm 1100');
    return lines.join('\n');
  },

  rejected: (metrics: Metrics, check: ReportCheck) =>
    [
      '❌ Chưa ghi báo cáo vì số liệu không khớp thứ tự các bước:',
      ...check.errors.map((e) => `• ${describeRuleProblem(e, metrics)}`),
      '',
      'Đã giữ lại các số vừa gửi. Gửi lại số đúng, ví dụ: /baocao đính kèm 1000',
    ].join('\n'),

  /** Its choices, in this order: confirmButton, cancelButton (the numbers on Zalo follow it). */
  needsConfirmation: (
    metrics: Metrics,
    check: ReportCheck,
    date: string,
    wording: ChannelWording = BUTTON_WORDING,
  ) =>
    [
      `⚠️ Báo cáo ngày ${formatDate(date)} cần anh/chị xác nhận trước khi ghi:`,
      ...check.warnings.map((w) => `• ${describeRuleProblem(w, metrics)}`),
      '',
      ...figureLines(metrics, check.final),
      '',
      wording.choices === 'numbers'
        ? `Trả lời 1 để xác nhận nếu số liệu đúng, 2 để hủy; hoặc gửi lại «${typedCommand(wording, 'baocao', '…')}» với số đúng.`
        : 'Bấm «Xác nhận» nếu số liệu đúng, hoặc gửi lại /baocao với số đúng.',
    ].join('\n'),

  accepted: (
    metrics: Metrics,
    outcome: AcceptedReport,
    standing: RankedStanding,
    inParent: ScopeProgress,
    inProvince: ScopeProgress,
  ) => {
    const { target } = outcome;
    const rankOf = (p: ScopeProgress) => {
      const me = p.standings.find((s) => s.unitId === standing.unitId);
      return me?.rank ? `${me.rank}/${p.standings.filter((s) => s.rank !== null).length}` : '–';
    };
    const lines = [
      `✅ Đã ghi báo cáo ngày ${formatDate(target.date)} của ${target.unit.name}${target.late ? ' (sau giờ chốt, tính là muộn)' : ''}:`,
      ...figureLines(metrics, outcome.figures, outcome.dayBefore),
    ];
    if (standing.target) {
      lines.push(
        `Đã đính kèm ${formatPercent(standing.completion ?? 0)} của ${formatNumber(standing.target.cases)} hồ sơ.`,
      );
    }
    // On the two-level map the parent is the province: one ranking, said once.
    lines.push(
      inParent.scope.id === inProvince.scope.id
        ? `Hạng: ${rankOf(inProvince)} trong ${inProvince.scope.name}`
        : `Hạng: ${rankOf(inParent)} trong ${inParent.scope.name} · ${rankOf(inProvince)} trong ${inProvince.scope.name}`,
    );
    const filled = outcome.check ? describeFilledIn(outcome.check, metrics) : null;
    if (filled) lines.push(filled);
    return lines.join('\n');
  },

  /**
   * Figures held from a refused message, shown before a new message would be recorded with them. Its
   * choices, in this order: heldTogetherButton, heldIncomingButton, heldDropButton (Zalo numbers them so).
   */
  held: (
    metrics: Metrics,
    held: Partial<Record<MetricCode, number>>,
    incoming: Partial<Record<MetricCode, number>>,
    wording: ChannelWording = BUTTON_WORDING,
  ) => {
    const sent = figuresList(metrics, incoming);
    return [
      `⏸ Đang giữ: ${figuresList(metrics, held)} — gửi tiếp để ghi cùng, hoặc hủy.`,
      sent ? `Số vừa gửi: ${sent}.` : 'Tin vừa gửi không có số mới.',
      '',
      wording.choices === 'numbers'
        ? 'Trả lời 1 để ghi cả số đang giữ và số vừa gửi, 2 để chỉ ghi số vừa gửi (bỏ số đang giữ), ' +
          'hoặc 3 (hay gửi «hủy») để không ghi gì.'
        : 'Bấm «Ghi cùng» để ghi cả số đang giữ và số vừa gửi, «Chỉ ghi số vừa gửi» để bỏ số đang giữ, ' +
          'hoặc «Hủy» (hay gửi «hủy») để không ghi gì.',
    ].join('\n');
  },
  heldTogetherButton: '✅ Ghi cùng',
  heldIncomingButton: 'Chỉ ghi số vừa gửi',
  heldDropButton: '✖️ Hủy',
  heldDropped: (
    metrics: Metrics,
    held: Partial<Record<MetricCode, number>>,
    incoming: Partial<Record<MetricCode, number>>,
  ) => {
    const all = [figuresList(metrics, held), figuresList(metrics, incoming)].filter((t) => t !== '');
    return `Đã hủy, không ghi: ${all.join('; ')}. Số liệu đã ghi trước đó vẫn giữ nguyên.`;
  },
  heldStale: 'Không còn số nào đang chờ anh/chị quyết định: câu hỏi này đã được trả lời hoặc đã hết hạn.',

  cancelled: 'Đã hủy báo cáo chưa xác nhận. Số liệu đã ghi trước đó vẫn giữ nguyên.',
  stale: 'Báo cáo này đã được xử lý hoặc đã có báo cáo mới hơn thay thế.',
  notYours: 'Chỉ người gửi báo cáo mới xác nhận hoặc hủy được.',
  confirmButton: '✅ Xác nhận',
  cancelButton: '✖️ Hủy',
  editButton: '✏️ Sửa báo cáo',

  ask: (metrics: Metrics, metric: MetricCode, last: number | null, error?: 'not_a_count' | 'too_large') => {
    const label = metrics.find((m) => m.code === metric)?.label ?? metric;
    const lastText = last === null ? '' : ` (lần trước: ${formatNumber(last)})`;
    const hint = last === null ? 'Gửi một số' : 'Gửi một số, hoặc «giữ» để giữ nguyên';
    const prefix =
      error === 'too_large'
        ? `Số này quá lớn: mỗi số liệu tối đa ${formatNumber(MAX_FIGURE)}.\n`
        : error
          ? 'Cần một số nguyên không âm, ví dụ 1540.\n'
          : '';
    return `${prefix}${label}${lastText}?\n${hint}; gửi «hủy» để thôi.`;
  },
  wizardCancelled: 'Đã thôi nhập báo cáo. Khi cần, gửi /baocao để bắt đầu lại.',
} as const;

import type { CampaignFile, MetricCode } from '../domain/campaign-file.js';
import type { StepForecast } from '../domain/forecast.js';
import { isBehindPlan, type PaceStatus } from '../domain/pace.js';
import type { Figures, RankedStanding, ScopeProgress } from '../domain/progress.js';
import { forecastWords } from './report-document-messages.js';
import { PACE_LABELS, unitWithParent } from './unit-label-messages.js';
import {
  formatDate,
  formatNumber,
  formatPercent,
  formatPointChange,
  formatSignedNumber,
  formatTime,
} from './vi-format.js';

/** The mark of each pace in chat lists (the charts use colours of the same statuses). */
export const PACE_MARK: Readonly<Record<PaceStatus, string>> = {
  done: '🔵',
  on_track: '🟢',
  behind: '🟡',
  far_behind: '🔴',
  overdue: '🟣',
  no_target: '⚪',
};
/** Marks a unit that has not reported today, beside (never instead of) its pace. */
const NOT_REPORTED_MARK = '⏳';
const TIMING = { on_time: 'đã báo cáo', late: 'báo cáo muộn', missing: 'chưa báo cáo hôm nay' } as const;
/** How many ranking lines one message shows at the top and at the bottom of a long list. */
const RANKING_EDGE = 20;

function figuresLine(f: Figures): string {
  return `sổ ${formatNumber(f.books)} · quét ${formatNumber(f.scanned)} · nhập ${formatNumber(f.entered)} · đính kèm ${formatNumber(f.attached)}`;
}

function percent(value: number | null): string {
  return value === null ? 'chưa có chỉ tiêu' : formatPercent(value);
}

function rankingLine(s: RankedStanding, withParent: boolean): string {
  const name = withParent ? unitWithParent(s.name, s.parentName) : s.name;
  const rank = s.rank === null ? '–' : `${s.rank}.`;
  const gain =
    s.target && s.target.cases > 0 ? (s.figures.attached - s.previous.attached) / s.target.cases : 0;
  const silent = s.timing === 'missing' ? ` ${NOT_REPORTED_MARK}` : '';
  return `${rank} ${PACE_MARK[s.pace]} ${name}: ${percent(s.completion)} (${formatPointChange(gain)} điểm %)${silent}`;
}

/** The legend under a ranking: every pace mark, and the separate mark for "not reported today". */
const RANKING_LEGEND = [
  ...(['done', 'on_track', 'behind', 'far_behind', 'overdue'] as const).map(
    (p) => `${PACE_MARK[p]} ${PACE_LABELS[p].toLowerCase()}`,
  ),
  `${NOT_REPORTED_MARK} chưa báo cáo hôm nay`,
].join(' · ');

/** One line per step with a deadline: its forecast at the recent pace. */
function forecastLines(
  settings: Pick<CampaignFile, 'milestones' | 'metrics'>,
  forecasts: Partial<Record<MetricCode, StepForecast>>,
): string[] {
  const lines = settings.milestones
    .filter((m) => forecasts[m.metric] !== undefined && forecasts[m.metric]?.kind !== 'no_target')
    .map((m) => {
      const name = settings.metrics.find((x) => x.code === m.metric)?.short ?? m.metric;
      return `• ${name} (hạn ${formatDate(m.deadline)}): ${forecastWords(forecasts[m.metric], m.metric)}`;
    });
  return lines.length > 0 ? ['Dự báo theo tốc độ 3 ngày báo cáo gần nhất:', ...lines] : [];
}

/** Messages of /tiendo, /xephang and /chuabaocao. */
export const progressMessages = {
  commune: (
    s: RankedStanding,
    inParent: ScopeProgress,
    inProvince: ScopeProgress,
    settings: Pick<CampaignFile, 'milestones' | 'metrics' | 'timeZone'>,
    forecasts: Partial<Record<MetricCode, StepForecast>> = {},
  ) => {
    const { timeZone } = settings;
    const rankIn = (p: ScopeProgress) => {
      const ranked = p.standings.filter((x) => x.rank !== null).length;
      const me = p.standings.find((x) => x.unitId === s.unitId);
      return me?.rank ? `${me.rank}/${ranked}` : '–';
    };
    const when = s.lastReportAt ? `, lúc ${formatTime(s.lastReportAt, timeZone)}` : '';
    return [
      `📊 ${s.name} — ngày ${formatDate(inParent.date)} (${TIMING[s.timing]}${s.timing === 'missing' ? '' : when})`,
      figuresLine(s.figures),
      s.target
        ? `Chỉ tiêu: ${formatNumber(s.target.books)} sổ, ${formatNumber(s.target.cases)} hồ sơ — đã đính kèm ${percent(s.completion)}`
        : 'Xã chưa có chỉ tiêu.',
      ...(s.plan !== null
        ? [`Tiến độ: ${PACE_MARK[s.pace]} ${PACE_LABELS[s.pace]} (kế hoạch ${formatPercent(s.plan)})`]
        : []),
      // On the two-level map the parent is the province: one ranking, said once.
      inParent.scope.id === inProvince.scope.id
        ? `Hạng trong ${inProvince.scope.name}: ${rankIn(inProvince)}`
        : `Hạng trong ${inParent.scope.name}: ${rankIn(inParent)} · trong ${inProvince.scope.name}: ${rankIn(inProvince)}`,
      ...forecastLines(settings, forecasts),
    ].join('\n');
  },

  scope: (
    p: ScopeProgress,
    settings?: Pick<CampaignFile, 'milestones' | 'metrics'>,
    forecasts: Partial<Record<MetricCode, StepForecast>> = {},
  ) => {
    const completion = p.totals.targetCases > 0 ? p.totals.attached / p.totals.targetCases : null;
    const behind = p.standings.filter((s) => isBehindPlan(s.pace));
    const lines = [
      `📊 ${p.scope.name} — ngày ${formatDate(p.date)}`,
      figuresLine(p.totals),
      `Đã đính kèm ${percent(completion)} của ${formatNumber(p.totals.targetCases)} hồ sơ (hôm nay ${formatSignedNumber(p.totals.attachedChange)} hồ sơ)`,
      `Báo cáo hôm nay: ${p.onTime} đúng giờ, ${p.late} muộn, ${p.missing} chưa báo cáo / ${p.standings.length} xã`,
    ];
    if (behind.length > 0) {
      lines.push('', `Chậm so với kế hoạch (${behind.length}):`);
      lines.push(...behind.slice(0, 15).map((s) => rankingLine(s, p.scope.level === 'province')));
      if (behind.length > 15) lines.push(`… và ${behind.length - 15} xã khác (/xephang để xem đủ).`);
    }
    if (!p.afterCutoff && p.missing > 0)
      lines.push('', 'Trước giờ chốt, xã chưa báo cáo hôm nay được so với kế hoạch đến hết hôm qua.');
    const forecast = settings ? forecastLines(settings, forecasts) : [];
    if (forecast.length > 0) lines.push('', ...forecast);
    return lines.join('\n');
  },

  ranking: (p: ScopeProgress, highlightUnitId?: number) => {
    const withParent = p.scope.level === 'province';
    const all = p.standings;
    const shown =
      all.length <= RANKING_EDGE * 2 + 5
        ? all
        : [...all.slice(0, RANKING_EDGE), ...all.slice(-RANKING_EDGE)].filter(
            (s, i, list) => list.indexOf(s) === i,
          );
    const lines = [`🏆 Xếp hạng ${p.scope.name} theo % đã đính kèm — ngày ${formatDate(p.date)}`];
    shown.forEach((s, i) => {
      if (i === RANKING_EDGE && shown.length < all.length)
        lines.push(`… (${all.length - shown.length} xã ở giữa) …`);
      lines.push(`${rankingLine(s, withParent)}${s.unitId === highlightUnitId ? '  ◀ xã của anh/chị' : ''}`);
    });
    const mine = all.find((s) => s.unitId === highlightUnitId);
    if (mine && !shown.includes(mine)) lines.push('', `Xã của anh/chị: ${rankingLine(mine, withParent)}`);
    lines.push('', RANKING_LEGEND);
    return lines.join('\n');
  },

  missing: (p: ScopeProgress) => {
    const missing = p.standings.filter((s) => s.timing === 'missing');
    if (missing.length === 0)
      return `✅ Tất cả ${p.standings.length} xã của ${p.scope.name} đã báo cáo ngày ${formatDate(p.date)}.`;
    const withParent = p.scope.level === 'province';
    return [
      `⏰ ${missing.length}/${p.standings.length} xã của ${p.scope.name} chưa báo cáo ngày ${formatDate(p.date)}:`,
      ...missing.map((s) => `• ${withParent ? unitWithParent(s.name, s.parentName) : s.name} — mã ${s.code}`),
    ].join('\n');
  },
} as const;

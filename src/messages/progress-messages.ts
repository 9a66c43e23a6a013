import type { Figures, RankedStanding, ScopeProgress } from '../domain/progress.js';
import { formatDate, formatNumber, formatPercent, formatSignedNumber, formatTime } from './vi-format.js';

const PACE_MARK = { on_track: '🟢', behind: '🟡', far_behind: '🔴', not_reported: '⚪' } as const;
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
  const where = withParent && s.parentName ? ` (${s.parentName})` : '';
  const rank = s.rank === null ? '–' : `${s.rank}.`;
  return `${rank} ${PACE_MARK[s.pace]} ${s.name}${where}: ${percent(s.completion)} (${formatSignedNumber(s.figures.attached - s.previous.attached)})`;
}

/** Messages of /tiendo, /xephang and /chuabaocao. */
export const progressMessages = {
  commune: (s: RankedStanding, inDistrict: ScopeProgress, inProvince: ScopeProgress, timeZone: string) => {
    const rankIn = (p: ScopeProgress) => {
      const ranked = p.standings.filter((x) => x.rank !== null).length;
      const me = p.standings.find((x) => x.unitId === s.unitId);
      return me?.rank ? `${me.rank}/${ranked}` : '–';
    };
    const when = s.lastReportAt ? `, lúc ${formatTime(s.lastReportAt, timeZone)}` : '';
    return [
      `📊 ${s.name} — ngày ${formatDate(inDistrict.date)} (${TIMING[s.timing]}${s.timing === 'missing' ? '' : when})`,
      figuresLine(s.figures),
      s.target
        ? `Chỉ tiêu: ${formatNumber(s.target.books)} sổ, ${formatNumber(s.target.cases)} trường hợp — đã đính kèm ${percent(s.completion)}`
        : 'Xã chưa có chỉ tiêu.',
      `Hạng trong ${inDistrict.scope.name}: ${rankIn(inDistrict)} · trong ${inProvince.scope.name}: ${rankIn(inProvince)}`,
    ].join('\n');
  },

  scope: (p: ScopeProgress) => {
    const completion = p.totals.targetCases > 0 ? p.totals.attached / p.totals.targetCases : null;
    const behind = p.standings.filter((s) => s.pace === 'far_behind' || s.pace === 'behind');
    const lines = [
      `📊 ${p.scope.name} — ngày ${formatDate(p.date)}`,
      figuresLine(p.totals),
      `Đã đính kèm ${percent(completion)} của ${formatNumber(p.totals.targetCases)} trường hợp (hôm nay ${formatSignedNumber(p.totals.attachedChange)})`,
      `Báo cáo hôm nay: ${p.onTime} đúng giờ, ${p.late} muộn, ${p.missing} chưa báo cáo / ${p.standings.length} xã`,
    ];
    if (behind.length > 0) {
      lines.push('', `Chậm so với kế hoạch (${behind.length}):`);
      lines.push(...behind.slice(0, 15).map((s) => rankingLine(s, p.scope.level === 'province')));
      if (behind.length > 15) lines.push(`… và ${behind.length - 15} xã khác (/xephang để xem đủ).`);
    }
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
      lines.push(`${rankingLine(s, withParent)}${s.unitId === highlightUnitId ? '  ◀ xã của bạn' : ''}`);
    });
    const mine = all.find((s) => s.unitId === highlightUnitId);
    if (mine && !shown.includes(mine)) lines.push('', `Xã của bạn: ${rankingLine(mine, withParent)}`);
    lines.push('', '🟢 đúng tiến độ · 🟡 chậm · 🔴 rất chậm · ⚪ chưa báo cáo hôm nay');
    return lines.join('\n');
  },

  missing: (p: ScopeProgress) => {
    const missing = p.standings.filter((s) => s.timing === 'missing');
    if (missing.length === 0)
      return `✅ Tất cả ${p.standings.length} xã của ${p.scope.name} đã báo cáo ngày ${formatDate(p.date)}.`;
    const withParent = p.scope.level === 'province';
    return [
      `⏰ ${missing.length}/${p.standings.length} xã của ${p.scope.name} chưa báo cáo ngày ${formatDate(p.date)}:`,
      ...missing.map(
        (s) => `• ${s.name}${withParent && s.parentName ? ` (${s.parentName})` : ''} — mã ${s.code}`,
      ),
    ].join('\n');
  },
} as const;

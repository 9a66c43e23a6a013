import type { ProvinceStanding } from '../domain/national-standing.js';
import { PACE_MARK } from './progress-messages.js';
import { PACE_LABELS } from './unit-label-messages.js';
import { formatDate, formatNumber, formatPercent, formatSignedNumber } from './vi-format.js';

function percent(value: number | null): string {
  return value === null ? 'chưa có chỉ tiêu' : formatPercent(value);
}

function dayWords(s: ProvinceStanding): string {
  return s.today ? `ngày ${formatDate(s.date)}` : `số liệu ngày ${formatDate(s.date)}`;
}

const HELP =
  'Các lệnh của lãnh đạo toàn quốc:\n' +
  '/tiendo — tiến độ từng tỉnh bên cạnh nhau\n/xephang — xếp hạng các tỉnh theo % đã đính kèm\n' +
  '/trogiup — xem hướng dẫn này';

/** Words of the national leader's /tiendo, /xephang and /trogiup, and of joining as one. */
export const nationalMessages = {
  help: HELP,
  welcome: (name: string, campaigns: number) =>
    `${name.trim() ? `Chào anh/chị ${name.trim()}!` : 'Chào anh/chị!'} Anh/chị đã tham gia với vai trò lãnh đạo ` +
    `toàn quốc: xem được tiến độ của cả ${formatNumber(campaigns)} chiến dịch, mỗi tỉnh một dòng.\n\n${HELP}`,
  welcomeBack: (name: string) =>
    `${name.trim() ? `Chào anh/chị ${name.trim()}!` : 'Chào anh/chị!'} Anh/chị đang là lãnh đạo toàn quốc. ` +
    'Gửi /tiendo hoặc /xephang để xem các tỉnh.',
  refused: (reason: 'expired' | 'used_up' | 'revoked' | 'throttled') =>
    ({
      expired: 'Mã mời lãnh đạo toàn quốc này đã hết hạn. Hãy xin mã mới.',
      used_up: 'Mã mời lãnh đạo toàn quốc này đã được dùng hết. Hãy xin mã mới.',
      revoked: 'Mã mời lãnh đạo toàn quốc này đã bị thu hồi. Hãy xin mã mới.',
      throttled: 'Anh/chị đã nhập sai mã quá nhiều lần. Vui lòng đợi 15 phút rồi thử lại.',
    })[reason],
  none: 'Chưa có chiến dịch nào có số liệu tỉnh để xem.',
  /** Each campaign's province side by side, in the deployment's order. */
  progress: (standings: readonly ProvinceStanding[]) =>
    [
      `🇻🇳 Tiến độ các tỉnh — ${formatNumber(standings.length)} chiến dịch`,
      ...standings.flatMap((s) => [
        '',
        `${PACE_MARK[s.pace]} ${s.provinceName} — ${s.campaign.settings.name} (${dayWords(s)})`,
        `Đã đính kèm ${formatNumber(s.totals.attached)}/${formatNumber(s.totals.targetCases)} hồ sơ: ` +
          `${percent(s.completion)} · kế hoạch ${percent(s.plan)} · ${PACE_LABELS[s.pace].toLowerCase()}`,
        `Sổ ${formatNumber(s.totals.books)} · quét ${formatNumber(s.totals.scanned)} · nhập ${formatNumber(s.totals.entered)}` +
          ` · hôm nay ${formatSignedNumber(s.totals.attachedChange)} hồ sơ đính kèm`,
        `Báo cáo: ${formatNumber(s.reported)}/${formatNumber(s.communes)} xã`,
      ]),
    ].join('\n'),
  /** The provinces ranked by cases attached & reviewed as a share of the target. */
  ranking: (standings: readonly ProvinceStanding[]) => {
    const ordered = [...standings].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
    return [
      '🏆 Xếp hạng các tỉnh theo % đã đính kèm (mỗi tỉnh so với kế hoạch của chiến dịch mình)',
      ...ordered.map(
        (s) =>
          `${s.rank === null ? '–' : `${s.rank}.`} ${PACE_MARK[s.pace]} ${s.provinceName}: ${percent(s.completion)} ` +
          `(kế hoạch ${percent(s.plan)}) — ${s.campaign.settings.name}, ngày ${formatDate(s.date)}`,
      ),
    ].join('\n');
  },
} as const;

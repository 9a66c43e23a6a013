import { quoted } from './quoted-input.js';
import type { BroadcastAudience, BroadcastChoice, BroadcastRefusal } from '../domain/broadcast-refusal.js';
import type { CountdownLine, ReminderNotice, SigningOffice, SilentUnit } from '../domain/reminder-notice.js';
import { BUTTON_WORDING, type ChannelWording } from './channel-wording.js';
import { metricUnit } from './report-document-messages.js';
import { formatDate, formatNumber, formatPercent, nfc } from './vi-format.js';

const EXAMPLE = '/baocao sổ 12 quét 1540 nhập 1320 đính kèm 1100';
const WHO_HELP =
  'chuabaocao (xã chưa báo cáo hôm nay), cham (xã chậm tiến độ), tatca (tất cả các xã), hoặc mã/tên một xã hay một đơn vị trong phạm vi của anh/chị';

// Unit types as a name starts with them; inside an office's name they are written lower-case.
const UNIT_TYPES = ['Thành phố', 'Huyện đảo', 'Thị xã', 'Thị trấn', 'Huyện', 'Quận', 'Tỉnh', 'Phường', 'Xã'];

/** 'Huyện Vĩnh Linh' → 'huyện Vĩnh Linh', as it reads after "Phòng Tư pháp". */
function lowerUnitType(name: string): string {
  const text = nfc(name).trim();
  const type = UNIT_TYPES.find((t) => text.startsWith(`${t} `));
  return type ? type.toLowerCase() + text.slice(type.length) : text;
}

/**
 * The office a reminder is signed by: 'Sở Tư pháp tỉnh Quảng Trị' for the province, 'Phòng Tư pháp
 * huyện Vĩnh Linh' for a district (a commune's coordinator signs as its People's Committee).
 */
export function officeName(office: SigningOffice): string {
  const place = lowerUnitType(office.unitName);
  switch (office.level) {
    case 'province':
      return `Sở Tư pháp ${place}`;
    case 'district':
      return `Phòng Tư pháp ${place}`;
    case 'commune':
      return `UBND ${place}`;
    default:
      // A campaign's own grouping (a cluster of communes) is not an office: its coordinators sign for it.
      return `Tổ điều phối ${place}`;
  }
}

const signature = (office: SigningOffice) => `— ${officeName(office)}`;

function daysLeftWords(line: CountdownLine): string {
  if (line.dueToday) return 'hạn là hôm nay';
  return line.daysLeft > 0 ? `còn ${line.daysLeft} ngày, kể cả hôm nay` : 'đã hết hạn';
}

function choiceWords(choice: BroadcastChoice): string {
  return `${choice.name}${choice.parentName ? ` (${choice.parentName})` : ''} — mã ${choice.code}`;
}

function audienceWords(audience: BroadcastAudience): string {
  switch (audience.kind) {
    case 'chuabaocao':
      return `các xã của ${audience.scopeName} chưa báo cáo hôm nay`;
    case 'cham':
      return `các xã của ${audience.scopeName} đang chậm tiến độ`;
    case 'tatca':
      return `tất cả các xã của ${audience.scopeName}`;
    case 'unit':
      return audience.unitName;
  }
}

/** Vietnamese texts of scheduled reminders and of /nhacnho. */
export const remindMessages = {
  /** A scheduled reminder's text, whatever its kind, signed by `office` (the province's, for the jobs). */
  notice: (notice: ReminderNotice, office: SigningOffice): string => {
    switch (notice.kind) {
      case 'report_call':
        return remindMessages.reportCall(notice.unitName, notice.date, notice.cutoff, office);
      case 'missed_yesterday':
        return remindMessages.missedYesterday(
          notice.unitName,
          notice.yesterday,
          notice.silentDays,
          notice.cutoff,
          office,
        );
      case 'escalation':
        return remindMessages.escalation(notice.scopeName, notice.yesterday, notice.units, office);
      case 'countdown':
        return remindMessages.countdown(notice.unitName, notice.lines, office);
    }
  },

  reportCall: (unitName: string, date: string, cutoff: string, office: SigningOffice) =>
    [
      `⏰ ${unitName} chưa gửi báo cáo ngày ${formatDate(date)}. Hạn chốt là ${cutoff} hôm nay.`,
      'Đề nghị đồng chí gửi số liệu cộng dồn (tổng từ đầu chiến dịch đến nay), ví dụ:',
      EXAMPLE,
      'Hoặc gửi /baocao để bot hỏi lần lượt từng số.',
      signature(office),
    ].join('\n'),

  missedYesterday: (
    unitName: string,
    yesterday: string,
    silentDays: number,
    cutoff: string,
    office: SigningOffice,
  ) =>
    [
      `📭 ${unitName} chưa có báo cáo ngày ${formatDate(yesterday)}` +
        (silentDays > 1 ? ` (đã ${silentDays} ngày liên tiếp chưa báo cáo).` : '.'),
      `Đề nghị đồng chí gửi số liệu cộng dồn trước ${cutoff} hôm nay. ` +
        'Nếu cần bổ sung số liệu ngày đã qua, đồng chí báo cán bộ điều phối.',
      signature(office),
    ].join('\n'),

  escalation: (scopeName: string, yesterday: string, units: readonly SilentUnit[], office: SigningOffice) =>
    [
      `🚨 ${units.length} xã của ${scopeName} đã nhiều ngày liên tiếp không báo cáo (tính đến hết ngày ${formatDate(yesterday)}):`,
      ...units.map(
        (u) =>
          `• ${u.name} — mã ${u.code} — ${u.silentDays} ngày` +
          (u.lastDate ? ` (báo cáo gần nhất ${formatDate(u.lastDate)})` : ' (chưa báo cáo lần nào)'),
      ),
      'Đồng chí gửi /nhacnho <mã xã> <nội dung> để nhắc riêng từng xã.',
      signature(office),
    ].join('\n'),

  countdown: (unitName: string, lines: readonly CountdownLine[], office: SigningOffice) =>
    [
      `⏳ Nhắc hạn hoàn thành — ${unitName}`,
      ...lines.map((l) => {
        const gap = l.target - l.done;
        const unit = metricUnit(l.metric);
        const perDay =
          l.neededPerDay !== null && l.neededPerDay > 0 && l.daysLeft > 1
            ? `, cần ${formatNumber(l.neededPerDay)} ${unit}/ngày`
            : '';
        return (
          `• ${l.title} — hạn ${formatDate(l.deadline)} (${daysLeftWords(l)}): ` +
          `${l.metricLabel} ${formatNumber(l.done)}/${formatNumber(l.target)} ${unit} (${formatPercent(l.target > 0 ? l.done / l.target : 0)}), ` +
          `còn thiếu ${formatNumber(gap)} ${unit}${perDay}.`
        );
      }),
      'Số liệu theo báo cáo gần nhất của xã. Gửi /tiendo để xem chi tiết.',
      signature(office),
    ].join('\n'),

  /** A coordinator's /nhacnho as each commune reporter receives it: signed by the coordinator's office. */
  broadcast: (office: SigningOffice, text: string) =>
    `📢 Tin nhắc gửi đồng chí:\n${text}\n${signature(office)}`,

  broadcastPreview: (
    audience: BroadcastAudience,
    recipients: number,
    units: number,
    text: string,
    office: SigningOffice,
    wording: ChannelWording = BUTTON_WORDING,
  ) =>
    [
      `📢 Tin nhắc sẽ gửi tới ${formatNumber(recipients)} cán bộ của ${formatNumber(units)} xã (${audienceWords(audience)}):`,
      '',
      remindMessages.broadcast(office, text),
      '',
      // Its choices, in this order: sendButton, cancelButton.
      wording.choices === 'numbers' ? 'Trả lời 1 để gửi, 2 để bỏ.' : 'Bấm «Gửi» để gửi, «Hủy» để bỏ.',
    ].join('\n'),
  sendButton: '✅ Gửi',
  cancelButton: '❌ Hủy',
  resultButton: '📊 Kết quả',

  /** Its one choice: resultButton. */
  broadcastQueued: (
    audience: BroadcastAudience,
    recipients: number,
    wording: ChannelWording = BUTTON_WORDING,
  ) =>
    `✅ Đã xếp hàng gửi ${formatNumber(recipients)} tin nhắc tới ${audienceWords(audience)}. ` +
    (wording.choices === 'numbers'
      ? 'Trả lời 1 để xem đã gửi được bao nhiêu.'
      : 'Bấm «Kết quả» để xem đã gửi được bao nhiêu.'),
  broadcastCancelled: 'Đã hủy tin nhắc, không gửi cho ai.',
  broadcastStale: 'Tin nhắc này đã được gửi hoặc đã hủy trước đó.',
  broadcastExpired: (minutes: number) =>
    `Tin nhắc đã quá ${minutes} phút chưa xác nhận nên không gửi. Hãy gửi lại lệnh /nhacnho.`,
  broadcastNotYours: 'Chỉ người tạo tin nhắc mới xác nhận hoặc xem kết quả được.',
  /** With some pending, its one choice: resultButton. */
  broadcastResult: (
    counts: { total: number; sent: number; failed: number; pending: number },
    wording: ChannelWording = BUTTON_WORDING,
  ) =>
    [
      `📊 Kết quả tin nhắc: đã gửi ${formatNumber(counts.sent)}/${formatNumber(counts.total)}, lỗi ${formatNumber(counts.failed)}, đang chờ gửi ${formatNumber(counts.pending)}.`,
      ...(counts.failed > 0
        ? ['Tin lỗi thường do cán bộ đã chặn bot hoặc xóa tài khoản; tài khoản đó được tạm ngừng.']
        : []),
      ...(counts.pending > 0
        ? [
            wording.choices === 'numbers'
              ? 'Trả lời 1 lần nữa sau ít phút để cập nhật.'
              : 'Bấm «Kết quả» lần nữa sau ít phút để cập nhật.',
          ]
        : []),
    ].join('\n'),

  nobody: (audience: BroadcastAudience) =>
    audience.kind === 'chuabaocao'
      ? `Không có ai để nhắc: tất cả các xã của ${audience.scopeName} đã báo cáo hôm nay, hoặc cán bộ các xã còn lại chưa tham gia bot.`
      : `Không có ai để nhắc: ${audienceWords(audience)} chưa có cán bộ báo cáo nào tham gia bot.`,

  refused: (refusal: BroadcastRefusal): string => {
    switch (refusal.code) {
      case 'not_coordinator':
        return 'Chỉ cán bộ điều phối (Sở Tư pháp, cơ quan tư pháp được giao điều phối) mới gửi được tin nhắc bằng /nhacnho.';
      case 'usage':
        return [
          'Cách dùng: /nhacnho <đối tượng> <nội dung>',
          `Đối tượng: ${WHO_HELP}.`,
          'Ví dụ: /nhacnho chuabaocao Đề nghị các xã gửi báo cáo trước 17:00 hôm nay.',
        ].join('\n');
      case 'empty_text':
        return `Thiếu nội dung tin nhắc. Ví dụ: /nhacnho ${refusal.who} Đề nghị gửi báo cáo trước 17:00 hôm nay.`;
      case 'text_too_long':
        return `Nội dung tin nhắc quá dài: tối đa ${formatNumber(refusal.max)} ký tự.`;
      case 'unknown_who':
        return `Không hiểu đối tượng «${quoted(refusal.who)}». Hãy dùng ${WHO_HELP}.`;
      case 'out_of_scope':
        return `${refusal.unitName} không thuộc phạm vi của anh/chị (${refusal.scopeName}), nên không gửi tin nhắc tới đó được.`;
      case 'ambiguous':
        return [
          `Có nhiều đơn vị tên «${quoted(refusal.who)}» trong phạm vi của anh/chị; hãy dùng mã:`,
          ...refusal.choices.map((c) => `• ${choiceWords(c)}`),
        ].join('\n');
    }
  },
} as const;

import type { BroadcastAudience, BroadcastChoice, BroadcastRefusal } from '../domain/broadcast-refusal.js';
import type { CountdownLine, ReminderNotice, SilentUnit } from '../domain/reminder-notice.js';
import { formatDate, formatNumber, formatPercent } from './vi-format.js';

const EXAMPLE = '/baocao sổ 12 quét 1540 nhập 1320 đính kèm 1100';
const WHO_HELP =
  'chuabaocao (xã chưa báo cáo hôm nay), cham (xã chậm tiến độ), tatca (tất cả các xã), hoặc mã/tên một xã, huyện trong phạm vi của bạn';

function daysLeftWords(daysLeft: number): string {
  return daysLeft <= 0 ? 'hạn là hôm nay' : `còn ${daysLeft} ngày`;
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
  /** A scheduled reminder's text, whatever its kind. */
  notice: (notice: ReminderNotice): string => {
    switch (notice.kind) {
      case 'report_call':
        return remindMessages.reportCall(notice.unitName, notice.date, notice.cutoff);
      case 'missed_yesterday':
        return remindMessages.missedYesterday(
          notice.unitName,
          notice.yesterday,
          notice.silentDays,
          notice.cutoff,
        );
      case 'escalation':
        return remindMessages.escalation(notice.districtName, notice.yesterday, notice.units);
      case 'countdown':
        return remindMessages.countdown(notice.unitName, notice.lines);
    }
  },

  reportCall: (unitName: string, date: string, cutoff: string) =>
    [
      `⏰ ${unitName} chưa gửi báo cáo ngày ${formatDate(date)}. Hạn chốt là ${cutoff} hôm nay.`,
      `Hãy gửi số liệu cộng dồn (tổng từ đầu chiến dịch đến nay), ví dụ:`,
      EXAMPLE,
      'Hoặc gửi /baocao để bot hỏi lần lượt từng số.',
    ].join('\n'),

  missedYesterday: (unitName: string, yesterday: string, silentDays: number, cutoff: string) =>
    [
      `📭 ${unitName} chưa có báo cáo ngày ${formatDate(yesterday)}` +
        (silentDays > 1 ? ` (đã ${silentDays} ngày liên tiếp chưa báo cáo).` : '.'),
      `Hôm nay hãy gửi số liệu cộng dồn trước ${cutoff}. Nếu cần bổ sung số liệu ngày đã qua, hãy báo Phòng Tư pháp.`,
    ].join('\n'),

  escalation: (districtName: string, yesterday: string, units: readonly SilentUnit[]) =>
    [
      `🚨 ${units.length} xã của ${districtName} đã nhiều ngày liên tiếp không báo cáo (tính đến hết ngày ${formatDate(yesterday)}):`,
      ...units.map(
        (u) =>
          `• ${u.name} — mã ${u.code} — ${u.silentDays} ngày` +
          (u.lastDate ? ` (báo cáo gần nhất ${formatDate(u.lastDate)})` : ' (chưa báo cáo lần nào)'),
      ),
      'Gửi /nhacnho <mã xã> <nội dung> để nhắc riêng từng xã.',
    ].join('\n'),

  countdown: (unitName: string, lines: readonly CountdownLine[]) =>
    [
      `⏳ Nhắc hạn hoàn thành — ${unitName}`,
      ...lines.map((l) => {
        const gap = l.target - l.done;
        const perDay =
          l.daysLeft > 0 ? `, cần khoảng ${formatNumber(Math.ceil(gap / (l.daysLeft + 1)))}/ngày` : '';
        return (
          `• ${l.title} — hạn ${formatDate(l.deadline)} (${daysLeftWords(l.daysLeft)}): ` +
          `${l.metricLabel} ${formatNumber(l.done)}/${formatNumber(l.target)} (${formatPercent(l.target > 0 ? l.done / l.target : 0)}), ` +
          `còn thiếu ${formatNumber(gap)}${perDay}.`
        );
      }),
      'Số liệu theo báo cáo gần nhất của xã. Gửi /tiendo để xem chi tiết.',
    ].join('\n'),

  broadcast: (fromUnitName: string, fromName: string, text: string) =>
    `📢 Tin nhắc từ ${fromUnitName} (${fromName}):\n${text}`,

  broadcastPreview: (audience: BroadcastAudience, recipients: number, units: number, text: string) =>
    [
      `📢 Tin nhắc sẽ gửi tới ${formatNumber(recipients)} cán bộ của ${formatNumber(units)} xã (${audienceWords(audience)}):`,
      '',
      text,
      '',
      'Bấm «Gửi» để gửi, «Hủy» để bỏ.',
    ].join('\n'),
  sendButton: '✅ Gửi',
  cancelButton: '❌ Hủy',
  resultButton: '📊 Kết quả',

  broadcastQueued: (audience: BroadcastAudience, recipients: number) =>
    `✅ Đã xếp hàng gửi ${formatNumber(recipients)} tin nhắc tới ${audienceWords(audience)}. Bấm «Kết quả» để xem đã gửi được bao nhiêu.`,
  broadcastCancelled: 'Đã hủy tin nhắc, không gửi cho ai.',
  broadcastStale: 'Tin nhắc này đã được gửi hoặc đã hủy trước đó.',
  broadcastExpired: (minutes: number) =>
    `Tin nhắc đã quá ${minutes} phút chưa xác nhận nên không gửi. Hãy gửi lại lệnh /nhacnho.`,
  broadcastNotYours: 'Chỉ người tạo tin nhắc mới xác nhận hoặc xem kết quả được.',
  broadcastResult: (counts: { total: number; sent: number; failed: number; pending: number }) =>
    [
      `📊 Kết quả tin nhắc: đã gửi ${formatNumber(counts.sent)}/${formatNumber(counts.total)}, lỗi ${formatNumber(counts.failed)}, đang chờ gửi ${formatNumber(counts.pending)}.`,
      ...(counts.failed > 0
        ? ['Tin lỗi thường do cán bộ đã chặn bot hoặc xóa tài khoản; tài khoản đó được tạm ngừng.']
        : []),
      ...(counts.pending > 0 ? ['Bấm «Kết quả» lần nữa sau ít phút để cập nhật.'] : []),
    ].join('\n'),

  nobody: (audience: BroadcastAudience) =>
    audience.kind === 'chuabaocao'
      ? `Không có ai để nhắc: tất cả các xã của ${audience.scopeName} đã báo cáo hôm nay, hoặc cán bộ các xã còn lại chưa tham gia bot.`
      : `Không có ai để nhắc: ${audienceWords(audience)} chưa có cán bộ báo cáo nào tham gia bot.`,

  refused: (refusal: BroadcastRefusal): string => {
    switch (refusal.code) {
      case 'not_coordinator':
        return 'Chỉ cán bộ điều phối (Phòng Tư pháp huyện, Sở Tư pháp) mới gửi được tin nhắc bằng /nhacnho.';
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
        return `Không hiểu đối tượng «${refusal.who}». Hãy dùng ${WHO_HELP}.`;
      case 'out_of_scope':
        return `${refusal.unitName} không thuộc phạm vi của bạn (${refusal.scopeName}), nên không gửi tin nhắc tới đó được.`;
      case 'ambiguous':
        return [
          `Có nhiều đơn vị tên «${refusal.who}» trong phạm vi của bạn; hãy dùng mã:`,
          ...refusal.choices.map((c) => `• ${choiceWords(c)}`),
        ].join('\n');
    }
  },
} as const;

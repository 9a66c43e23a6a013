import type { SigningOffice } from '../domain/reminder-notice.js';
import { officeName } from './remind-messages.js';
import { formatDateTime } from './vi-format.js';

// Words of the Zalo Official Account channel: its token failing, the daily line on what the OA's sends
// cost and who it cannot reach, the short question before a person's 7 days run out, and the CLI.

export const zaloOaMessages = {
  /** To province coordinators on their other channel: the OA can no longer send. */
  tokenRefused: (at: string) =>
    `⚠️ Tài khoản Zalo OA của Sở không gia hạn được mã truy cập (lúc ${at}), nên bot tạm thời không gửi được tin qua Zalo OA.\n` +
    'Quản trị viên cần lấy mã mới trên trang Zalo for Developers và chạy: sohoa zalo-oa token set --refresh-token <mã> ' +
    '(xem docs/operations.md, mục Zalo OA).',

  /** The daily line to province coordinators. */
  dailyLine: (
    date: string,
    counts: { free: number; billed: number; refused: number },
    unreachable: readonly { name: string; unitName: string }[],
  ) =>
    `📨 Zalo OA ngày ${date}: ${counts.free} tin miễn phí, ${counts.billed} tin tính phí, ${counts.refused} tin bị Zalo từ chối.` +
    (unreachable.length === 0
      ? '\nKhông có ai ngoài tầm nhắn tin.'
      : `\nKhông nhắn được qua Zalo OA (im lặng quá 7 ngày hoặc chưa từng nhắn cho OA) — ${unreachable.length} người:\n` +
        unreachable.map((u) => `• ${u.unitName}${u.name ? ` (${u.name})` : ''}`).join('\n') +
        '\nNhờ anh/chị liên hệ qua kênh khác và đề nghị họ nhắn một tin bất kỳ cho OA.'),

  /** To a person whose 7 days of silence run out within a day: easy to answer, keeps the window open. */
  stillThere: (office: SigningOffice) =>
    `👋 ${officeName(office)} xin hỏi: anh/chị vẫn nhận được tin nhắc việc qua Zalo chứ? ` +
    'Anh/chị chỉ cần trả lời một tin bất kỳ (ví dụ: «có») để tiếp tục nhận nhắc việc và báo cáo tại đây.',

  cli: {
    usage:
      'Cách dùng:\n' +
      '  sohoa zalo-oa token set --refresh-token <mã> [--access-token <mã>] [--expires-in <giây>]\n' +
      '  sohoa zalo-oa group add <group_id> --scope <mã đơn vị> [--title <tên>] [--purpose leadership|coordination]',
    notConfigured:
      'Chưa cấu hình Zalo OA: cần đặt ZALO_OA_APP_ID, ZALO_OA_APP_SECRET, ZALO_OA_SECRET_KEY và ZALO_OA_TOKEN_KEY.',
    stored: (expiresAt: Date, timeZone: string, exchanged: boolean) =>
      `Đã lưu mã Zalo OA${exchanged ? ' (đã đổi mã làm mới lấy cặp mã mới)' : ''}; mã truy cập hết hạn lúc ${formatDateTime(expiresAt, timeZone)}.`,
    refused: (error: string) =>
      `Zalo từ chối mã làm mới: ${error}. Hãy lấy mã mới trên trang Zalo for Developers.`,
    unknownUnit: (code: string) => `Không có đơn vị mã ${code} trong chiến dịch.`,
    groupAdded: (groupId: string, unitName: string) =>
      `Đã đăng ký nhóm Zalo ${groupId} nhận báo cáo của ${unitName}.`,
  },
} as const;

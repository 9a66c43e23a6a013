import { formatDateTime } from './vi-format.js';

/** Words of `/web` and `/web thuhoi` in the chat. */
export const webChatMessages = {
  /** The personal link: who it is for, that it opens once, until when. */
  link: (url: string, expiresAt: Date, timeZone: string) =>
    [
      'Đường dẫn riêng của anh/chị tới trang theo dõi tiến độ:',
      url,
      '',
      `Đường dẫn chỉ mở được một lần, trên một thiết bị, và hết hạn lúc ${formatDateTime(expiresAt, timeZone)}. ` +
        'Xin không chuyển tiếp cho người khác. Cần mở trên thiết bị khác thì gửi lại /web để nhận đường dẫn mới.',
      'Gửi /web thuhoi để thu hồi mọi đường dẫn và phiên đang mở.',
    ].join('\n'),
  /** `/web thuhoi` done. */
  revoked: (links: number, sessions: number) =>
    links + sessions === 0
      ? 'Anh/chị không có đường dẫn hay phiên nào đang mở. Gửi /web khi cần đường dẫn mới.'
      : `Đã thu hồi ${links} đường dẫn chưa dùng và ${sessions} phiên đang mở. Gửi /web khi cần đường dẫn mới.`,
  /** The last line of the evening summary: that day's dashboard page (opening it needs a session). */
  dashboardLine: (url: string) =>
    `Xem chi tiết trên trang theo dõi: ${url} (lần đầu mở, anh/chị nhắn /web cho bot để nhận đường dẫn đăng nhập riêng).`,
  /** The web side is not switched on by the operator (WEB_BASE_URL unset). */
  disabled:
    'Trang theo dõi trên web chưa được bật cho chiến dịch này. Anh/chị vui lòng liên hệ cán bộ điều phối.',
  /** Anything after /web other than `thuhoi`. */
  usage:
    'Gửi /web để nhận đường dẫn riêng tới trang theo dõi, hoặc /web thuhoi để thu hồi các đường dẫn đã nhận.',
  /** A link asked for in a group chat: it is personal, so it goes to the private chat only. */
  privateOnly:
    'Đường dẫn là riêng cho từng người: anh/chị vui lòng nhắn /web trong cuộc trò chuyện riêng với bot.',
} as const;

import { formatDate } from './vi-format.js';

/** Replies to a person who edited a message they had sent before. */
export const editedMessageWords = {
  /** An edit of anything but a report: the bot answers messages, it does not reread them. */
  notRead:
    'Bot không đọc lại tin nhắn đã sửa. Nếu anh/chị muốn sửa số liệu, hãy sửa chính tin /baocao trong ngày hoặc gửi /baocao mới.',
  /** A report of an earlier day edited today: its date has passed for the commune. */
  pastDay: (sentOn: string) =>
    `Tin /baocao anh/chị vừa sửa được gửi ngày ${formatDate(sentOn)}; số liệu ngày đã qua chỉ cán bộ điều phối ghi thay được. Hãy báo cán bộ điều phối, hoặc gửi /baocao mới cho hôm nay.`,
} as const;

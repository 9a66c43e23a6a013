import { formatDate } from './vi-format.js';

/** Words of /xuatexcel. */
export const exportChatMessages = {
  /** The caption of the workbook sent in the chat. */
  caption: (scopeName: string, date: string) =>
    `Số liệu của ${scopeName} ngày ${formatDate(date)}, mỗi cấp đơn vị một trang.`,
} as const;

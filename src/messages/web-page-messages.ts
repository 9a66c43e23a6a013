import type { WebAccessRefusalCode } from './web-refusal-code.js';
import { formatDate, formatNumber, formatPercent } from './vi-format.js';

/** How to get a new link: every refusal page ends with it. */
const NEW_LINK =
  'Để mở lại trang, anh/chị nhắn /web cho bot trong cuộc trò chuyện riêng để nhận đường dẫn mới.';

/** Every word of the web pages (titles, headings, table headers, notices). */
export const webPageMessages = {
  appName: 'Số hóa hộ tịch — theo dõi tiến độ',
  lang: 'vi',
  refusalTitle: 'Không mở được trang',
  refusal: (reason: WebAccessRefusalCode): string => {
    switch (reason) {
      case 'used':
        return `Đường dẫn này đã được mở một lần nên không dùng lại được (mỗi đường dẫn chỉ mở được một lần, trên một thiết bị). ${NEW_LINK}`;
      case 'expired':
        return `Đường dẫn hoặc phiên làm việc này đã hết hạn. ${NEW_LINK}`;
      case 'revoked':
        return `Đường dẫn hoặc phiên làm việc này đã bị thu hồi (bằng lệnh /web thuhoi). ${NEW_LINK}`;
      case 'inactive':
        return `Tài khoản của anh/chị trong bot không còn hoạt động hoặc đã đổi đơn vị, vai trò. ${NEW_LINK}`;
      case 'unknown':
        return `Đường dẫn không đúng hoặc không đầy đủ (có thể bị cắt khi sao chép). ${NEW_LINK}`;
      case 'no_session':
        return `Trang này chỉ mở được bằng đường dẫn riêng của anh/chị. ${NEW_LINK}`;
    }
  },
  tooManyTitle: 'Thử quá nhiều lần',
  tooMany: (minutes: number) =>
    `Có quá nhiều lần mở đường dẫn từ địa chỉ mạng này. Anh/chị vui lòng thử lại sau ${minutes} phút. ${NEW_LINK}`,
  forbiddenTitle: 'Không có quyền xem',
  forbidden:
    'Trang này nằm ngoài phạm vi của anh/chị. Anh/chị chỉ xem được đơn vị của mình và các đơn vị trực thuộc.',
  notFoundTitle: 'Không tìm thấy trang',
  notFound:
    'Không có trang ở địa chỉ này. Anh/chị quay lại trang chính hoặc nhắn /web cho bot để nhận đường dẫn mới.',
  errorTitle: 'Có lỗi',
  error:
    'Máy chủ gặp lỗi khi mở trang này. Anh/chị vui lòng thử lại sau ít phút; nếu vẫn lỗi, xin báo cán bộ điều phối.',
  badRequestTitle: 'Yêu cầu không hợp lệ',
  badDate: 'Ngày không hợp lệ. Anh/chị chọn lại ngày trong ô chọn ngày.',
  csrf: 'Biểu mẫu đã cũ hoặc không gửi từ trang này. Anh/chị tải lại trang rồi bấm lại.',
  opened: 'Đã mở phiên làm việc. Đang chuyển tới trang theo dõi…',
  openedLink: 'Mở trang theo dõi',
  backHome: 'Về trang chính',

  dateLabel: 'Ngày',
  show: 'Xem',
  asOf: (date: string) => `Số liệu ngày ${formatDate(date)}`,
  reported: (onTime: number, late: number, missing: number, total: number) =>
    `${formatNumber(onTime + late)}/${formatNumber(total)} xã đã báo cáo (${formatNumber(late)} muộn), ${formatNumber(missing)} xã chưa báo cáo.`,
  stepsHeading: 'Tiến độ theo bước (so với kế hoạch)',
  step: 'Bước',
  done: 'Đã làm',
  target: 'Chỉ tiêu',
  doneShare: 'Đạt',
  planShare: 'Kế hoạch',
  pace: 'Đánh giá',
  childrenHeading: 'Theo đơn vị trực thuộc',
  unit: 'Đơn vị',
  communes: 'Số xã',
  missingCount: 'Chưa báo cáo',
  rankingHeading: 'Xếp hạng các xã (theo % hồ sơ đã đính kèm)',
  rank: 'Hạng',
  commune: 'Xã',
  parent: 'Thuộc',
  attached: 'Đính kèm',
  today: 'Hôm nay',
  planMark: (plan: number) => `KH ${formatPercent(plan, 0)}`,
  noRank: '—',
  chartHeading: 'Biểu đồ % đính kèm so với kế hoạch',
  chartPlan: 'Kế hoạch',
  chartEnds: (n: number) =>
    `Biểu đồ chỉ vẽ ${n} xã đứng đầu và ${n} xã đứng cuối; bảng bên dưới có đủ các xã.`,
  chartDone: 'Đã đính kèm',
  missingHeading: 'Chưa báo cáo hôm nay',
  noneMissing: 'Tất cả các xã đã báo cáo hôm nay.',
  remindButton: 'Nhắc các xã chưa báo cáo',
  remindText: (cutoff: string) =>
    `Đề nghị xã gửi báo cáo số liệu hôm nay qua bot trước ${cutoff}. Trân trọng cảm ơn.`,
  downloadsHeading: 'Tải về',
  downloadPdf: 'Báo cáo ngày (PDF)',
  downloadExcel: 'Số liệu (Excel)',
  communeHeading: (name: string) => name,
  placeInParent: (rank: number | null, total: number, parentName: string) =>
    rank === null
      ? `Chưa xếp hạng trong ${parentName} (chưa có chỉ tiêu).`
      : `Hạng ${rank}/${total} trong ${parentName}.`,
  parentRankingHeading: (parentName: string) => `Xếp hạng trong ${parentName}`,
  uploadLink: 'Tải tệp mẫu lên để kiểm tra',
  daysHeading: 'Số liệu từng ngày',
  noDays: 'Chưa có báo cáo nào trong những ngày này.',
  late: 'muộn',
  onTime: 'đúng giờ',
  revisionsHeading: 'Các lần gửi và sửa báo cáo',
  noRevisions: 'Chưa có lần gửi nào.',
  reportDate: 'Ngày báo cáo',
  sentAt: 'Gửi lúc',
  sentBy: 'Người gửi',
  fromMessage: 'Từ tin nhắn',
  messageRef: (inboxId: number | null) =>
    inboxId === null ? 'nhập tay / hệ thống' : `tin nhắn số ${inboxId}`,
  unknownSender: 'không rõ',
  revisionStatus: { pending: 'đang chờ xác nhận', accepted: 'được ghi nhận', discarded: 'đã bỏ' },
  status: 'Trạng thái',
  samplesHeading: 'Tệp mẫu đã kiểm tra',
  noSamples: 'Chưa có tệp mẫu nào.',
  fileName: 'Tên tệp',
  verdict: 'Kết quả',
  problems: 'Số lỗi',
  verdicts: { accepted: 'Đạt', warnings: 'Đạt, có lưu ý', rejected: 'Không đạt' },
  remindersHeading: 'Tin nhắc đã nhận',
  noReminders: 'Chưa nhận tin nhắc nào.',
  reminderKind: (dedupeKey: string): string =>
    dedupeKey.startsWith('broadcast:')
      ? 'Tin nhắc của cán bộ điều phối'
      : dedupeKey.startsWith('job:nhac-bao-cao:')
        ? 'Nhắc báo cáo buổi chiều'
        : dedupeKey.startsWith('job:thieu-bao-cao:')
          ? 'Nhắc thiếu báo cáo hôm trước'
          : 'Đếm ngược hạn chót',
  delivery: { pending: 'đang chờ gửi', sent: 'đã gửi', failed: 'gửi không được' },
  at: 'Lúc',
  kind: 'Loại',

  confirmTitle: 'Xác nhận gửi tin nhắc',
  confirm: (recipients: number, units: number) =>
    `Tin nhắc sẽ gửi tới ${formatNumber(recipients)} cán bộ của ${formatNumber(units)} xã chưa báo cáo. Anh/chị kiểm tra nội dung rồi bấm Gửi.`,
  send: 'Gửi',
  cancel: 'Hủy',
  remindQueued: (recipients: number) => `Đã xếp ${formatNumber(recipients)} tin nhắc vào hàng gửi.`,
  remindCancelled: 'Đã hủy, không gửi tin nào.',
  remindExpired: (minutes: number) =>
    `Yêu cầu đã quá ${minutes} phút chưa xác nhận nên đã hủy. Anh/chị bấm nhắc lại nếu cần.`,
  remindStale: 'Yêu cầu nhắc này không còn hiệu lực.',
  remindNotYours: 'Yêu cầu nhắc này do người khác tạo.',
  coordinatorOnly: 'Chỉ cán bộ điều phối mới gửi được tin nhắc, và chỉ từ trang đơn vị của mình.',
} as const;

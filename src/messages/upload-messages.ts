import type { VerdictStatus } from '../domain/file-verdict.js';
import { formatKilobytes, statusLabel } from './file-problem-messages.js';
import { sampleFileMessages } from './sample-file-messages.js';
import { formatNumber } from './vi-format.js';

function megabytes(bytes: number): string {
  const value = bytes / (1024 * 1024);
  return formatNumber(value, value < 10 ? 1 : 0);
}

const NAME_RULE = 'LOẠI.NĂM.QUYỂN.SỐ.pdf (ví dụ KS.2025.01.001.pdf)';

/** A page the upload routes answer instead of the form: a title and what to do. */
export interface UploadNotice {
  readonly title: string;
  readonly text: string;
}

/** Every word of the upload page (src/web/upload): the form, the results, the refusals. */
export const uploadMessages = {
  title: 'Kiểm tra tệp mẫu',
  who: (unitName: string, memberName: string) => `${unitName} — ${memberName}`,
  intro:
    `Chọn hoặc kéo thả các tệp PDF bản quét (mỗi hồ sơ một tệp, đặt tên theo mẫu ${NAME_RULE}) ` +
    'hoặc một tệp ZIP chứa các tệp PDF. Mỗi tệp được kiểm tra như khi gửi cho bot, và kết quả hiện ngay bên dưới.',
  limits: (maxFileBytes: number, maxUploadBytes: number) =>
    `Tối đa ${megabytes(maxFileBytes)} MB mỗi tệp, ${megabytes(maxUploadBytes)} MB mỗi lần tải lên.`,
  checkOnly: sampleFileMessages.notCounted,
  dropZone: 'Kéo thả tệp PDF hoặc ZIP vào đây',
  chooseFiles: 'Chọn tệp',
  submit: 'Tải lên và kiểm tra',
  results: 'Kết quả kiểm tra',
  totals: {
    accepted: statusLabel.accepted,
    warnings: statusLabel.warnings,
    rejected: statusLabel.rejected,
    error: 'Lỗi tải lên',
  } satisfies Record<VerdictStatus | 'error', string>,
  csvLink: 'Tải bảng kết quả (CSV, mở bằng Excel)',
  csvFileName: (batchId: number) => `ket-qua-kiem-tra-lan-${batchId}.csv`,
  uploadMore: 'Tải thêm tệp',
  pending: 'Đang tải lên và kiểm tra…',
  noScript: 'Trình duyệt không chạy JavaScript: các tệp được gửi cùng lúc và kết quả hiện khi kiểm tra xong.',

  /** Notes under a file's verdict, for what the upload did with it. */
  note: {
    duplicate: (receivedAt: Date, timeZone: string) => sampleFileMessages.duplicate(receivedAt, timeZone),
    tooLarge: (limitBytes: number) =>
      `Tệp nặng hơn ${megabytes(limitBytes)} MB nên máy chủ chỉ đọc phần đầu để kiểm tra tên, dung lượng và định dạng; tệp không được lưu. ` +
      'Mỗi tệp PDF bản quét chỉ khoảng 100 KB: hãy quét lại hoặc nén cho nhỏ hơn rồi tải lên lại.',
    wrongType:
      'Trang này chỉ nhận bản quét PDF (mỗi hồ sơ một tệp .pdf) hoặc tệp .zip chứa các tệp PDF; tệp này không được lưu. ' +
      `Hãy quét hồ sơ ra PDF, đặt tên theo mẫu ${NAME_RULE} rồi tải lên lại.`,
    batchFull: (limitBytes: number) =>
      `❌ Tệp này chưa được kiểm tra: lần tải lên đã vượt ${megabytes(limitBytes)} MB. ` +
      'Hãy tải lại trang rồi chọn tệp này ở lần tải lên sau.',
  },

  /** A file the browser could not send or the server did not check (shown by the page's script). */
  failed: {
    network:
      '❌ Không gửi được tệp (mất kết nối hoặc máy chủ không trả lời). Hãy kiểm tra mạng rồi chọn lại tệp này.',
    tooLarge: (maxFileBytes: number) =>
      `❌ Tệp nặng hơn ${megabytes(maxFileBytes)} MB. Mỗi tệp PDF bản quét chỉ khoảng 100 KB: hãy quét lại hoặc nén cho nhỏ hơn rồi tải lên lại.`,
  },

  /** The converter on the page: photos and oversized scans in, a ZIP of compliant PDFs out. */
  convert: {
    title: 'Chuyển ảnh chụp, bản quét thành PDF đạt yêu cầu',
    intro: (maxBytes: number) =>
      'Chọn ảnh chụp trang sổ (JPEG, PNG, WebP), tệp PDF bản quét quá nặng hoặc có màu, hoặc một tệp ZIP chứa chúng, rồi bấm “Chuyển đổi”. ' +
      `Máy chủ của tỉnh chuyển mỗi tệp thành một tệp PDF không quá ${formatKilobytes(maxBytes)} KB, chữ vẫn đọc rõ, đặt tên theo mẫu ${NAME_RULE} ` +
      'khi tên tệp ghi đủ loại, năm, quyển, số (ví dụ “Khai sinh 2010 q1 so 15.jpg”); các tệp PDF được trả lại trong một tệp ZIP.',
    choose: 'Chọn ảnh hoặc tệp cần chuyển đổi',
    submit: 'Chuyển đổi',
    results: 'Kết quả chuyển đổi',
    refused: 'Không chuyển được',
    summary: (converted: number, total: number) =>
      `Đã chuyển được ${formatNumber(converted)}/${formatNumber(total)} tệp thành PDF đạt yêu cầu.`,
    zipLink: 'Tải tệp ZIP các tệp PDF',
    zipFileName: (id: number) => `ho-so-pdf-lan-${id}.zip`,
    noZip:
      'Không tệp nào chuyển đổi được nên không có tệp ZIP để tải về; xem lý do và cách khắc phục ở từng tệp.',
    notKept:
      'Đợt số hóa không lưu tệp trên máy chủ nên trang không giữ được tệp ZIP để tải về. Hãy gửi ảnh cho bot, bot trả lại tệp PDF ngay trong chat.',
    counted:
      'Các tệp PDF đã đặt tên theo mẫu được ghi nhận là tệp mẫu của xã, như khi gửi cho bot; tệp giữ tên cũ cần đổi tên rồi tải lên ở phần kiểm tra.',
    notCounted: 'Tệp chuyển đổi ở đây chỉ để thử, không được tính là tệp mẫu của xã.',
    keptName: (name: string) =>
      `Tên tệp chưa ghi đủ loại, năm, quyển, số nên tệp PDF giữ tên ${name}; hãy đổi tên theo mẫu ${NAME_RULE} trước khi nộp.`,
    tooLarge: (maxFileBytes: number) =>
      `❌ Tệp nặng hơn ${megabytes(maxFileBytes)} MB nên không chuyển đổi. Hãy chụp lại ở độ phân giải thấp hơn hoặc tách thành nhiều tệp.`,
    unreadableArchive:
      'Không mở được tệp ZIP hoặc tệp bên trong (tệp hỏng hoặc tải lên chưa xong). Hãy nén lại rồi tải lên lại.',
    again: 'Chuyển đổi thêm',
    noFiles: {
      title: 'Chưa có tệp nào',
      text: 'Chưa có tệp nào được chọn. Hãy chọn ảnh chụp, tệp PDF hoặc tệp ZIP rồi bấm “Chuyển đổi”.',
    },
    resultNotFound: {
      title: 'Không tìm thấy tệp ZIP',
      text: 'Tệp ZIP này không còn trên máy chủ (đã quá thời hạn lưu của đợt số hóa) hoặc không phải của anh/chị. Hãy chuyển đổi lại các tệp.',
    },
  },

  refusal: {
    unauthenticated: {
      title: 'Chưa đăng nhập',
      text: 'Trang này chỉ mở được bằng đường liên kết cá nhân do bot gửi. Hãy gõ /web trong chat với bot để nhận đường liên kết mới rồi mở lại.',
    },
    role: {
      title: 'Không dùng được trang này',
      text: 'Trang tải tệp mẫu dành cho cán bộ tư pháp – hộ tịch cấp xã (cán bộ điều phối cũng dùng được để thử kiểm tra tệp). Tài khoản của anh/chị không gửi tệp mẫu; hãy dùng trang tổng quan.',
    },
    inactive: {
      title: 'Tài khoản đã ngừng hoạt động',
      text: 'Tài khoản của anh/chị đã ngừng hoạt động trong đợt số hóa nên không tải tệp lên được. Hãy liên hệ cán bộ điều phối.',
    },
    csrf: {
      title: 'Phiên làm việc không hợp lệ',
      text: 'Trang đã mở quá lâu hoặc phiên làm việc không còn hợp lệ, nên tệp chưa được nhận. Hãy tải lại trang rồi chọn tệp lần nữa.',
    },
    noFiles: {
      title: 'Chưa có tệp nào',
      text: 'Chưa có tệp nào được chọn. Hãy chọn hoặc kéo thả tệp PDF hoặc ZIP rồi bấm “Tải lên và kiểm tra”.',
    },
    uploadTooLarge: (maxUploadBytes: number): UploadNotice => ({
      title: 'Lần tải lên quá lớn',
      text:
        `Lần tải lên vượt ${megabytes(maxUploadBytes)} MB nên chưa tệp nào được kiểm tra. ` +
        `Hãy chia thành nhiều lần, mỗi lần dưới ${megabytes(maxUploadBytes)} MB (mỗi tệp PDF bản quét chỉ khoảng 100 KB).`,
    }),
    tooManyFiles: (maxFiles: number): UploadNotice => ({
      title: 'Quá nhiều tệp',
      text: `Mỗi lần tải lên nhận tối đa ${formatNumber(maxFiles)} tệp nên chưa tệp nào được kiểm tra. Hãy chia thành nhiều lần, hoặc nén các tệp PDF vào một tệp ZIP.`,
    }),
    batchNotFound: {
      title: 'Không tìm thấy',
      text: 'Không tìm thấy lần tải lên này trong các lần tải lên của anh/chị. Hãy tải tệp lên lại để có bảng kết quả.',
    },
    serverError: {
      title: 'Máy chủ gặp lỗi',
      text: 'Máy chủ gặp lỗi khi kiểm tra; các tệp chưa kiểm tra xong chưa được lưu. Hãy thử lại sau ít phút.',
    },
  },
} as const;

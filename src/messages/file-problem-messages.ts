import type { CaseNamePart } from '../domain/case-file-name.js';
import type { Problem, VerdictStatus } from '../domain/file-verdict.js';
import type { SniffedFormat } from '../domain/sniffed-format.js';
import type { PdfRepair } from '../domain/problem-codes.js';
import type { ZipFault } from '../domain/zip-fault.js';
import { formatNumber } from './vi-format.js';

// Every Vietnamese sentence the inspector and `sohoa check` show lives here, so wording is fixed in one
// place and a future translation or review touches one file. Each problem says what is wrong AND what to do.

const NAME_PATTERN = 'LOẠI.NĂM.QUYỂN.SỐ.pdf';
const RESCAN = 'hãy quét trang sổ bằng máy quét ra PDF rồi gửi lại';
const FORMAT_NAMES: Partial<Record<SniffedFormat, string>> = {
  tiff: 'TIFF',
  gif: 'GIF',
  bmp: 'BMP',
  webp: 'WebP',
  heic: 'HEIC (ảnh chụp từ điện thoại)',
  xlsx: 'bảng tính Excel .xlsx',
  pptx: 'trình chiếu PowerPoint .pptx',
  odf: 'tài liệu OpenDocument',
  rar: 'RAR',
  '7z': '7z',
};

/** A suggested name built from the sender's own name, and the parts it could not tell (placeholders). */
export interface NameAdvice {
  readonly name: string;
  readonly missing: readonly CaseNamePart[];
}

/** What stands in a suggested name for a part the sender's name does not say. */
export const NAME_PLACEHOLDERS: Readonly<Record<CaseNamePart, string>> = {
  type: '<loại>',
  year: '<năm>',
  book: '<quyển>',
  number: '<số>',
};

const MISSING_PART_WORDS: Readonly<Record<CaseNamePart, string>> = {
  type: 'mã loại việc',
  year: 'năm đăng ký (4 chữ số)',
  book: 'số quyển',
  number: 'số thứ tự của hồ sơ trong sổ',
};

/** 'a', 'a và b', 'a, b và c'. */
function listVi(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} và ${items.at(-1) ?? ''}`;
}

/** The example in a name problem: the suggested name, and what the sender still has to fill in. */
function exampleOf(example: string | NameAdvice): string {
  if (typeof example === 'string') return example;
  if (example.missing.length === 0) return example.name;
  const missing = listVi(example.missing.map((part) => MISSING_PART_WORDS[part]));
  const places = listVi(example.missing.map((part) => NAME_PLACEHOLDERS[part]));
  return `${example.name} (tên tệp chưa có ${missing}: điền vào chỗ ${places} theo sổ)`;
}

/** What a PDF reader repaired, in words a commune officer can pass on to whoever made the file. */
const REPAIR_NAMES: Readonly<Record<PdfRepair, string>> = {
  header: 'có dữ liệu thừa trước phần đầu %PDF',
  xref: 'bảng chỉ mục đối tượng (xref) bị thiếu hoặc sai',
  trailer: 'thiếu phần trailer ở cuối tệp',
  filter_names: 'dùng tên viết tắt cho kiểu nén dữ liệu',
  end_marker: 'thiếu dấu kết thúc %%EOF',
};

/** Size as a file manager shows it: KB = bytes/1024, rounded up to one decimal, Vietnamese decimal comma. */
export function formatKilobytes(bytes: number): string {
  // Round up so a file one byte over the limit never reads as exactly the limit.
  return formatNumber(Math.ceil((bytes / 1024) * 10 - 1e-9) / 10, 1);
}

/** "trang 2" or "các trang 2, 3 và 5" (at most ten listed). */
export function formatPageList(pages: readonly number[]): string {
  if (pages.length === 1) return `trang ${pages[0]}`;
  const shown = pages.slice(0, 10).map(String);
  const more = pages.length > 10 ? ` và ${pages.length - 10} trang khác` : '';
  if (more) return `các trang ${shown.join(', ')}${more}`;
  return `các trang ${shown.slice(0, -1).join(', ')} và ${shown.at(-1)}`;
}

function error(
  code: Problem['code'],
  message: string,
  measured?: string | number,
  limit?: string | number,
): Problem {
  return {
    code,
    severity: 'error',
    message,
    ...(measured === undefined ? {} : { measured }),
    ...(limit === undefined ? {} : { limit }),
  };
}

function warning(
  code: Problem['code'],
  message: string,
  measured?: string | number,
  limit?: string | number,
): Problem {
  return { ...error(code, message, measured, limit), severity: 'warning' };
}

/** Builders for every problem the inspector reports, one per code. */
export const problemFor = {
  nameExtension: (name: string, example: string | NameAdvice): Problem =>
    error(
      'name.extension',
      `Tên tệp “${name}” không có đuôi .pdf. Hãy lưu bản quét dưới dạng PDF và đặt tên theo mẫu ${NAME_PATTERN}, ví dụ ${exampleOf(example)}.`,
      name,
      '.pdf',
    ),
  namePattern: (name: string, example: string | NameAdvice): Problem =>
    error(
      'name.pattern',
      `Tên tệp “${name}” không đúng mẫu ${NAME_PATTERN} (mã loại việc, năm đăng ký 4 chữ số, số quyển, số thứ tự, ngăn cách nhau bằng dấu chấm). Hãy đổi tên, ví dụ ${exampleOf(example)}.`,
      name,
      NAME_PATTERN,
    ),
  nameTypeUnknown: (
    type: string,
    typeCodes: Readonly<Record<string, string>>,
    example: string | NameAdvice,
  ): Problem => {
    const known = Object.entries(typeCodes)
      .map(([code, label]) => `${code} (${label})`)
      .join(', ');
    return error(
      'name.type_unknown',
      `Mã loại việc “${type}” không có trong danh mục của đợt số hóa. Hãy dùng một trong các mã: ${known}; ví dụ ${exampleOf(example)}.`,
      type,
      Object.keys(typeCodes).join(','),
    );
  },
  nameYearFormat: (year: string, example: string | NameAdvice): Problem =>
    error(
      'name.year_format',
      `Năm đăng ký “${year}” phải gồm đúng 4 chữ số. Hãy sửa tên tệp, ví dụ ${exampleOf(example)}.`,
      year,
      'YYYY',
    ),
  nameYearFuture: (year: number, currentYear: number, example: string | NameAdvice): Problem =>
    error(
      'name.year_future',
      `Năm đăng ký ${year} lớn hơn năm hiện tại (${currentYear}). Hãy đối chiếu năm ghi trên sổ và sửa tên tệp, ví dụ ${exampleOf(example)}.`,
      year,
      currentYear,
    ),
  nameYearTooOld: (year: number, minYear: number, example: string | NameAdvice): Problem =>
    error(
      'name.year_too_old',
      `Năm đăng ký ${year} sớm hơn năm ${minYear}, năm cũ nhất mà đợt số hóa nhận. Hãy đối chiếu năm ghi trên sổ và sửa tên tệp, ví dụ ${exampleOf(example)}.`,
      year,
      minYear,
    ),
  nameBookFormat: (book: string, example: string | NameAdvice): Problem =>
    error(
      'name.book_format',
      `Số quyển “${book}” phải gồm từ 2 chữ số trở lên (thêm số 0 ở đầu nếu cần). Hãy sửa tên tệp, ví dụ ${exampleOf(example)}.`,
      book,
      2,
    ),
  nameNumberFormat: (number: string, example: string | NameAdvice): Problem =>
    error(
      'name.number_format',
      `Số thứ tự “${number}” phải gồm từ 3 chữ số trở lên (thêm số 0 ở đầu nếu cần). Hãy sửa tên tệp, ví dụ ${exampleOf(example)}.`,
      number,
      3,
    ),
  sizeTooLarge: (bytes: number, maxBytes: number): Problem =>
    error(
      'size.too_large',
      `Tệp nặng ${formatKilobytes(bytes)} KB (${formatNumber(bytes)} byte), vượt giới hạn ${formatKilobytes(maxBytes)} KB. Hãy quét lại ở chế độ thang xám hoặc đen trắng, giảm chất lượng nén, hoặc nén lại tệp PDF cho nhỏ hơn ${formatKilobytes(maxBytes)} KB rồi gửi lại.`,
      bytes,
      maxBytes,
    ),
  format: (format: Exclude<SniffedFormat, 'pdf'>): Problem => formatProblem(format),
  pdfTruncated: (): Problem =>
    error(
      'pdf.truncated',
      'Tệp PDF bị thiếu phần cuối, có thể do tải lên hoặc sao chép chưa xong. Hãy sao chép lại tệp từ máy quét hoặc quét lại rồi gửi lại.',
    ),
  pdfDamaged: (): Problem =>
    error(
      'pdf.damaged',
      'Tệp PDF bị hỏng, không đọc được cấu trúc bên trong. Hãy thử mở tệp trên máy; nếu không mở được, hãy quét hoặc xuất lại PDF rồi gửi lại.',
    ),
  pdfEncrypted: (): Problem =>
    error(
      'pdf.encrypted',
      'Tệp PDF đang được đặt mật khẩu hoặc mã hóa nên không kiểm tra và lưu trữ được. Hãy bỏ mật khẩu (quét lại mà không đặt mật khẩu, hoặc mở tệp rồi in ra “Microsoft Print to PDF”) rồi gửi lại.',
    ),
  pdfTooComplex: (reason: string): Problem =>
    error(
      'pdf.too_complex',
      'Tệp PDF có cấu trúc bất thường (quá nhiều đối tượng, lồng nhau quá sâu hoặc dữ liệu nén phình quá lớn) nên không thể kiểm tra an toàn. Hãy quét lại trực tiếp từ máy quét ra PDF rồi gửi lại.',
      reason,
    ),
  pdfRepaired: (repairs: readonly PdfRepair[]): Problem =>
    warning(
      'pdf.repaired',
      `Tệp PDF có lỗi cấu trúc nhỏ (${repairs.map((repair) => REPAIR_NAMES[repair]).join('; ')}); phần mềm xem PDF vẫn tự sửa và mở được nên tệp vẫn được nhận. Để tránh lỗi khi đính kèm vào phần mềm hộ tịch, hãy mở tệp rồi lưu hoặc xuất lại thành PDF (hoặc quét lại) trước khi đính kèm.`,
      repairs.join(','),
    ),
  contentNoPages: (): Problem =>
    error('content.no_pages', `Tệp PDF không có trang nào. Hãy quét lại hồ sơ thành PDF rồi gửi lại.`, 0, 1),
  contentMultiPage: (pages: number): Problem =>
    warning(
      'content.multi_page',
      `Tệp PDF có ${pages} trang. Mỗi tệp chỉ chứa một hồ sơ đăng ký: nếu có trang của hồ sơ khác, hãy tách thành tệp riêng; nếu đúng là một hồ sơ nhiều trang thì có thể bỏ qua lưu ý này.`,
      pages,
      1,
    ),
  contentNoImage: (pages: readonly number[]): Problem =>
    error(
      'content.no_image',
      `${capitalize(formatPageList(pages))} không có ảnh quét (có thể là trang trắng, hoặc văn bản đánh máy hay chuyển từ Word). Hồ sơ phải là bản quét từ sổ gốc: ${RESCAN}.`,
      pages.join(','),
    ),
  contentLowDpi: (dpi: number, minDpi: number, pages: readonly number[]): Problem =>
    error(
      'content.low_dpi',
      `Ảnh quét ở ${formatPageList(pages)} chỉ đạt khoảng ${Math.floor(dpi)} dpi, thấp hơn mức tối thiểu ${minDpi} dpi nên chữ có thể không đọc được. Hãy quét lại với độ phân giải từ ${minDpi} dpi trở lên rồi gửi lại.`,
      dpi,
      minDpi,
    ),
  contentBlankScan: (pages: readonly number[]): Problem =>
    warning(
      'content.blank_scan',
      `Ảnh quét ở ${formatPageList(pages)} gần như một màu trơn (trang trắng hoặc đen). Hãy kiểm tra đã đặt đúng mặt giấy cần quét và đã đậy nắp máy quét, rồi quét lại nếu cần.`,
      pages.join(','),
    ),
  zip: (fault: ZipFault, measured?: number, limit?: number): Problem => zipProblem(fault, measured, limit),
};

function formatProblem(format: Exclude<SniffedFormat, 'pdf'>): Problem {
  const kind = FORMAT_NAMES[format] ?? format.toUpperCase();
  switch (format) {
    case 'empty':
      return error(
        'format.empty',
        'Tệp rỗng (0 byte), không có nội dung. Hãy kiểm tra lại tệp gốc trên máy rồi gửi lại.',
        0,
      );
    case 'jpeg':
    case 'png':
      return error(
        `format.${format}`,
        `Tệp này thực chất là ảnh ${kind} chỉ được đổi đuôi thành .pdf, không phải tệp PDF. Hãy quét trực tiếp ra PDF, hoặc mở ảnh rồi chọn In → “Microsoft Print to PDF” để tạo tệp PDF thật rồi gửi lại.`,
        kind,
      );
    case 'tiff':
    case 'gif':
    case 'bmp':
    case 'webp':
    case 'heic':
      return error(
        'format.image',
        `Tệp này thực chất là ảnh ${kind} chỉ được đổi đuôi thành .pdf, không phải tệp PDF. Hãy quét trực tiếp ra PDF, hoặc mở ảnh rồi chọn In → “Microsoft Print to PDF” để tạo tệp PDF thật rồi gửi lại.`,
        kind,
      );
    case 'doc':
      return error(
        'format.doc',
        `Tệp này thực chất là tài liệu Word hoặc Excel định dạng cũ (.doc, .xls), không phải bản quét PDF. Hồ sơ phải là bản quét từ sổ gốc: ${RESCAN}.`,
        'DOC',
      );
    case 'docx':
      return error(
        'format.docx',
        `Tệp này thực chất là văn bản Word (.docx), không phải bản quét PDF. Hồ sơ phải là bản quét từ sổ gốc: ${RESCAN}.`,
        'DOCX',
      );
    case 'xlsx':
    case 'pptx':
    case 'odf':
      return error(
        'format.office',
        `Tệp này thực chất là ${kind}, không phải bản quét PDF. Hồ sơ phải là bản quét từ sổ gốc: ${RESCAN}.`,
        kind,
      );
    case 'zip':
      return error(
        'format.zip',
        'Tệp này là tệp nén ZIP được đổi đuôi thành .pdf. Hãy giải nén rồi gửi từng tệp PDF, hoặc giữ nguyên đuôi .zip để kiểm tra cả gói.',
        'ZIP',
      );
    case 'rar':
    case '7z':
      return error(
        'format.archive',
        `Tệp này là tệp nén ${kind} được đổi đuôi thành .pdf. Hãy giải nén rồi gửi từng tệp PDF, hoặc nén lại bằng ZIP để kiểm tra cả gói.`,
        kind,
      );
    case 'html':
      return error(
        'format.html',
        'Tệp này là một trang web (HTML), thường do tải nhầm trang báo lỗi hoặc trang đăng nhập thay vì tệp PDF. Hãy tải lại đúng tệp PDF rồi gửi lại.',
        'HTML',
      );
    case 'unknown':
      return error(
        'format.not_pdf',
        'Tệp này không phải PDF (không có phần đầu “%PDF”). Hãy quét hoặc xuất lại bản quét thành tệp PDF rồi gửi lại.',
      );
  }
}

function zipProblem(fault: ZipFault, measured?: number, limit?: number): Problem {
  switch (fault) {
    case 'damaged':
      return error(
        'zip.damaged',
        'Tệp ZIP bị hỏng hoặc không đọc được. Hãy nén lại các tệp PDF rồi gửi lại.',
      );
    case 'encrypted':
      return error(
        'zip.encrypted',
        'Mục này trong tệp ZIP được đặt mật khẩu nên không mở được. Hãy nén lại mà không đặt mật khẩu rồi gửi lại.',
      );
    case 'unsupported':
      return error(
        'zip.unsupported',
        'Mục này được nén bằng phương thức không hỗ trợ. Hãy nén lại theo định dạng ZIP thông thường (ví dụ chuột phải → “Send to” → “Compressed (zipped) folder” trên Windows) rồi gửi lại.',
      );
    case 'unsafe_path':
      return error(
        'zip.unsafe_path',
        'Tên mục này trong tệp ZIP chứa đường dẫn không an toàn (“..” hoặc đường dẫn tuyệt đối) nên bị bỏ qua. Hãy đặt các tệp PDF trong một thư mục bình thường, nén lại rồi gửi lại.',
      );
    case 'too_large':
      return error(
        'zip.too_large',
        `Dữ liệu giải nén quá lớn${measured === undefined ? '' : ` (${formatKilobytes(measured)} KB)`}, vượt giới hạn${limit === undefined ? '' : ` ${formatKilobytes(limit)} KB`}. Hãy chia thành nhiều tệp ZIP nhỏ hơn, chỉ chứa các tệp PDF, rồi gửi lại.`,
        measured,
        limit,
      );
    case 'too_many_entries':
      return error(
        'zip.too_many_entries',
        `Tệp ZIP có ${measured === undefined ? 'quá nhiều' : formatNumber(measured)} mục, vượt giới hạn${limit === undefined ? '' : ` ${formatNumber(limit)} mục`} mỗi lần kiểm tra. Hãy chia thành nhiều tệp ZIP nhỏ hơn rồi gửi lại.`,
        measured,
        limit,
      );
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Vietnamese label for a verdict status. */
export const statusLabel: Readonly<Record<VerdictStatus, string>> = {
  accepted: 'Đạt',
  warnings: 'Đạt, có lưu ý',
  rejected: 'Không đạt',
};

/** Column headers of the verdict CSV. */
export const csvHeaders = ['Tệp', 'Kết quả', 'Mã lỗi', 'Nội dung lỗi đầu tiên'] as const;

/** Text of the `sohoa check` command. */
export const checkCommandText = {
  usage: [
    'Cách dùng: sohoa check <tệp|thư mục|tệp.zip>… [--json] [--campaign <thư mục>]',
    'Kiểm tra tên, dung lượng và chất lượng bản quét của các tệp PDF mẫu; thư mục được duyệt cả thư mục con, tệp .zip được mở ra để kiểm tra từng tệp bên trong.',
    '  --json                 in kết quả dạng JSON ra đầu ra chuẩn',
    '  --campaign <thư mục>   dùng quy định tệp trong <thư mục>/campaign.json thay cho quy định mặc định',
    'Mã thoát: 0 khi không có tệp nào không đạt, 1 khi có tệp không đạt, 2 khi lệnh dùng sai.',
  ].join('\n'),
  noPaths: 'Chưa chỉ ra tệp hoặc thư mục cần kiểm tra.',
  unknownOption: (option: string) => `Không hiểu tùy chọn “${option}”.`,
  missingValue: (option: string) => `Tùy chọn ${option} cần một giá trị là thư mục của đợt số hóa.`,
  pathNotFound: (path: string) => `Không tìm thấy “${path}”.`,
  campaignMissing: (path: string) => `Không tìm thấy tệp cấu hình đợt số hóa “${path}”.`,
  campaignInvalid: (path: string, detail: string) => `Quy định tệp trong “${path}” không hợp lệ: ${detail}.`,
  unreadable: (path: string) =>
    `Không đọc được “${path}” (tệp bị khóa, vừa bị xóa hoặc không có quyền đọc). Hãy kiểm tra tệp rồi chạy lại lệnh.`,
  progress: 'Đang kiểm tra',
  headers: ['Tệp', 'Kết quả', 'Mã', 'Nội dung'] as const,
  allGood: 'Mọi tệp đều đạt.',
  summary: (total: number, accepted: number, warnings: number, rejected: number) =>
    `Đã kiểm tra ${formatNumber(total)} tệp: ${formatNumber(accepted)} đạt, ${formatNumber(warnings)} đạt nhưng có lưu ý, ${formatNumber(rejected)} không đạt.`,
};

// Every word about converting photos and oversized scans into compliant PDFs: the chat, the CLI, the
// upload page. Sizes are shown as a file manager shows them (KB = 1,024 bytes, decimal comma).
import type { CaseNamePart } from '../domain/case-file-name.js';
import type { VerdictStatus } from '../domain/file-verdict.js';
import type { SniffedFormat } from '../domain/sniffed-format.js';
import type { ConvertOutcome, ConvertRefusal } from '../domain/convert-outcome.js';
import { BUTTON_WORDING, type ChannelWording } from './channel-wording.js';
import { formatKilobytes, statusLabel } from './file-problem-messages.js';
import { formatNumber } from './vi-format.js';

const MARK: Readonly<Record<VerdictStatus, string>> = { accepted: '✅', warnings: '⚠️', rejected: '❌' };

const FORMAT_WORDS: Partial<Record<SniffedFormat, string>> = {
  heic: 'ảnh HEIC của iPhone',
  doc: 'văn bản Word .doc',
  docx: 'văn bản Word .docx',
  xlsx: 'bảng tính Excel',
  pptx: 'trình chiếu PowerPoint',
  zip: 'tệp nén ZIP',
  rar: 'tệp nén RAR',
  '7z': 'tệp nén 7z',
  html: 'trang web',
  pdf: 'PDF',
  unknown: 'không rõ định dạng',
};

/** The name parts as the bot asks for them. */
const PART_WORDS: Readonly<Record<CaseNamePart, string>> = {
  type: 'loại hồ sơ',
  year: 'năm đăng ký',
  book: 'quyển số',
  number: 'số thứ tự',
};

/** An example answer for each part, in the order the rule writes them. */
const PART_EXAMPLES: Readonly<Record<CaseNamePart, string>> = {
  type: 'khai sinh',
  year: 'năm 2010',
  book: 'quyển 1',
  number: 'số 15',
};

/** A size as a file manager shows it: "97,4 KB", or "2,9 MB" from one megabyte up. */
export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${formatNumber(bytes / (1024 * 1024), 1)} MB`
    : `${formatKilobytes(bytes)} KB`;
}

/** Why a file could not be made compliant, and what to do instead. */
export function convertRefusalText(refusal: ConvertRefusal): string {
  switch (refusal.code) {
    case 'too_small':
      return (
        `Ảnh chỉ có ${formatNumber(refusal.width)} × ${formatNumber(refusal.height)} điểm ảnh, quá nhỏ để đọc rõ chữ. ` +
        `Hãy chụp lại gần hơn, đủ sáng, ảnh ít nhất ${formatNumber(refusal.minWidth)} × ${formatNumber(refusal.minHeight)} điểm ảnh ` +
        '(trên Telegram gửi ảnh dưới dạng “Tệp” để giữ nguyên độ nét).'
      );
    case 'unreadable':
      return refusal.format === 'pdf'
        ? 'Không đọc được ảnh quét trong tệp PDF này (tệp hỏng, có mật khẩu, hoặc trang không phải ảnh quét). Hãy quét lại hoặc chụp ảnh trang sổ rồi gửi ảnh.'
        : 'Không đọc được ảnh này (tệp hỏng hoặc tải lên chưa xong). Hãy chụp lại rồi gửi lại.';
    case 'unsupported':
      return refusal.format === 'heic'
        ? 'Bot chưa đọc được ảnh HEIC của iPhone. Hãy đổi máy ảnh sang “Tương thích nhất” (Cài đặt → Camera → Định dạng) hoặc gửi ảnh theo kiểu “Ảnh”, rồi gửi lại.'
        : refusal.format === 'pdf'
          ? 'Tệp PDF có quá nhiều trang để là một hồ sơ. Hãy tách mỗi hồ sơ thành một tệp rồi gửi lại.'
          : `Bot chỉ chuyển đổi ảnh chụp (JPEG, PNG, WebP) và tệp PDF bản quét; đây là ${FORMAT_WORDS[refusal.format] ?? refusal.format.toUpperCase()}.`;
    case 'limit_unreachable':
      return (
        `Dù đã nén tới mức chữ còn đọc được, tệp vẫn nặng ${formatSize(refusal.smallestBytes)}, vượt giới hạn ${formatSize(refusal.maxBytes)}. ` +
        'Hãy cắt ảnh chỉ còn phần trang của hồ sơ này (bỏ các hồ sơ bên cạnh và phần bàn), hoặc chụp từng trang, rồi gửi lại.'
      );
  }
}

/** One file's result on one line: the name, size before → after, the verdict and what it measured. */
export function convertLine(outcome: ConvertOutcome): string {
  if (outcome.kind === 'refused') return `❌ ${outcome.originalName}: ${convertRefusalText(outcome.refusal)}`;
  const { verdict } = outcome;
  const sizes =
    outcome.kind === 'converted'
      ? `${formatSize(outcome.sizeBefore)} → ${formatSize(outcome.sizeAfter)}`
      : `${formatSize(outcome.size)}, giữ nguyên`;
  const measured =
    outcome.kind === 'converted'
      ? ` · ${formatNumber(outcome.encoding.pages)} trang · khoảng ${formatNumber(Math.floor(outcome.encoding.dpi))} dpi`
      : '';
  const problems =
    verdict.problems.length === 0 ? '' : ` — ${verdict.problems.map((p) => p.message).join(' ')}`;
  const name =
    outcome.name.kind === 'incomplete'
      ? ` · tên chưa theo mẫu, còn thiếu ${outcome.name.missing.map((part) => PART_WORDS[part]).join(', ')}`
      : '';
  return `${MARK[verdict.status]} ${outcome.name.name}: ${sizes}${measured} · ${statusLabel[verdict.status]}${name}${problems}`;
}

/** Words of the chat side of the converter. */
export const convertChatMessages = {
  /** The reply that goes with one converted PDF. */
  converted: (line: string) => `📄 Bot đã chuyển thành tệp PDF:\n${line}`,
  /** The reply that goes with the ZIP of a batch. */
  batch: (lines: readonly string[], converted: number, total: number) =>
    `📦 Đã chuyển ${formatNumber(converted)}/${formatNumber(total)} tệp thành PDF (trong tệp ZIP đính kèm):\n${lines.join('\n')}`,
  /** The ZIP handed back for an archive: its name with "-PDF". */
  batchFileName: (archiveName: string) => `${archiveName.replace(/\.zip$/i, '') || 'ho-so'}-PDF.zip`,
  working: '⏳ Đang chuyển ảnh thành tệp PDF đạt yêu cầu…',
  /** Asked once when the file's name says nothing of the case's type. */
  askType: (fileName: string, wording: ChannelWording = BUTTON_WORDING) =>
    `Tệp “${fileName}” chưa có tên theo quy định. Hồ sơ này thuộc loại nào? ` +
    (wording.choices === 'numbers'
      ? '(trả lời bằng số thứ tự trong danh sách bên dưới)'
      : '(bấm chọn hoặc trả lời bằng số thứ tự)'),
  /** Asked once for the parts still missing, all in one line. */
  askParts: (missing: readonly CaseNamePart[]) =>
    `Hãy gửi ${missing.map((part) => PART_WORDS[part]).join(', ')} của hồ sơ trong một dòng, ví dụ: “${missing.map((part) => PART_EXAMPLES[part]).join(' ')}”. Gửi “bỏ qua” để nhận tệp với tên hiện tại.`,
  partsNotUnderstood: (missing: readonly CaseNamePart[]) =>
    `Chưa đọc được ${missing.map((part) => PART_WORDS[part]).join(', ')}. ${convertChatMessages.askParts(missing)}`,
  namingExpired: 'Câu hỏi đặt tên tệp đã hết hạn hoặc đã được trả lời. Hãy gửi lại ảnh nếu cần chuyển đổi.',
  typeNotUnderstood: (wording: ChannelWording = BUTTON_WORDING) =>
    wording.choices === 'numbers'
      ? 'Chưa rõ loại hồ sơ: hãy trả lời bằng số thứ tự trong danh sách bên dưới.'
      : 'Chưa rõ loại hồ sơ: hãy bấm một lựa chọn bên dưới hoặc trả lời bằng số thứ tự.',
  /** The reply with the renamed PDF. */
  named: (name: string) => `📄 Tệp đã được đặt tên theo quy định: ${name}`,
  keptName: (name: string) =>
    `📄 Tệp giữ tên ${name}; hãy đổi tên theo mẫu LOẠI.NĂM.QUYỂN.SỐ.pdf trước khi nộp.`,
  /** The words that skip naming and take the file as it is. */
  skipWords: ['bo qua', 'bỏ qua', 'thoi', 'thôi', 'huy', 'hủy', 'huỷ'] as readonly string[],
};

/** Words of `sohoa convert`. */
export const convertCommandText = {
  usage:
    'Cách dùng: sohoa convert <tệp|thư mục|zip>… --out <thư mục> [--json] [--campaign <thư mục chiến dịch>]\n' +
    'Chuyển ảnh chụp (JPEG, PNG, WebP) và tệp PDF bản quét quá nặng thành tệp PDF đạt yêu cầu (mặc định ≤ 100 KB),\n' +
    'đặt tên theo quy định khi tên tệp có đủ loại, năm, quyển, số. Mã thoát 1 nếu có tệp không chuyển được.',
  noPaths: 'Chưa có tệp, thư mục hay tệp ZIP nào để chuyển đổi.',
  noOut: 'Thiếu --out <thư mục> để ghi các tệp PDF.',
  missingValue: (option: string) => `Tùy chọn ${option} cần một giá trị.`,
  unknownOption: (option: string) => `Không có tùy chọn ${option}.`,
  pathNotFound: (path: string) => `Không tìm thấy ${path}.`,
  unreadable: (path: string) => `Không đọc được ${path}.`,
  campaignInvalid: (path: string, detail: string) => `Tệp ${path} không hợp lệ: ${detail}`,
  campaignMissing: (path: string) => `Không tìm thấy ${path}.`,
  line: (path: string, line: string) => `${line}  [${path}]`,
  summary: (converted: number, unchanged: number, refused: number, out: string) =>
    `\nĐã chuyển ${formatNumber(converted)} tệp, giữ nguyên ${formatNumber(unchanged)} tệp đã đạt, ${formatNumber(refused)} tệp không chuyển được; kết quả trong ${out}`,
  incompleteNames: (count: number) =>
    `${formatNumber(count)} tệp chưa đủ loại, năm, quyển, số trong tên: hãy đổi tên theo mẫu LOẠI.NĂM.QUYỂN.SỐ.pdf trước khi nộp.`,
};

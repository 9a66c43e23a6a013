import type { FileVerdict, PathVerdict, VerdictStatus } from '../domain/file-verdict.js';
import { formatKilobytes, statusLabel } from './file-problem-messages.js';
import { formatDateTime, formatNumber, formatTimeDayMonth } from './vi-format.js';
import { platformName } from './zalo-messages.js';
import type { ProblemSample, SampleStats } from '../domain/sample-file-stats.js';

const MARK: Readonly<Record<VerdictStatus, string>> = { accepted: '✅', warnings: '⚠️', rejected: '❌' };
/** Telegram refuses texts above 4,096 characters; stay below with room for the ellipsis. */
const MAX_TEXT = 4000;
/** How many rejected files an archive summary names: a phone screen or two. */
const MAX_REJECTED_LISTED = 10;

/** Cuts a text that would not fit in one Telegram message. */
function fit(text: string): string {
  return text.length <= MAX_TEXT ? text : `${text.slice(0, MAX_TEXT - 1)}…`;
}

/** The first sentence of a problem's message, for lists where the whole advice would not fit. */
function firstSentence(message: string, max = 140): string {
  const sentence = /^.+?[.!?](?=\s|$)/.exec(message)?.[0] ?? message;
  return sentence.length <= max ? sentence : `${sentence.slice(0, max - 1)}…`;
}

function megabytes(bytes: number): string {
  return formatNumber(bytes / (1024 * 1024), 1);
}

/** What was measured on a checked file: "1 trang · khoảng 300 dpi · 95,3 KB" (the chat and the upload page). */
export function verdictDetails(verdict: FileVerdict): string {
  const parts: string[] = [];
  if (verdict.pages !== undefined) parts.push(`${formatNumber(verdict.pages)} trang`);
  if (verdict.dpi !== undefined) parts.push(`khoảng ${formatNumber(Math.floor(verdict.dpi))} dpi`);
  parts.push(`${formatKilobytes(verdict.bytes)} KB`);
  return parts.join(' · ');
}

function counts(verdict: FileVerdict): string {
  const errors = verdict.problems.filter((p) => p.severity === 'error').length;
  const warnings = verdict.problems.length - errors;
  return [errors > 0 ? `${errors} lỗi` : '', warnings > 0 ? `${warnings} lưu ý` : '']
    .filter(Boolean)
    .join(', ');
}

function tally(rows: readonly PathVerdict[]): Record<VerdictStatus, number> {
  const tallied = { accepted: 0, warnings: 0, rejected: 0 };
  for (const { verdict } of rows) tallied[verdict.status]++;
  return tallied;
}

/** Vietnamese texts of sample checks in the chat (sending a PDF or a ZIP) and of `/mau`. */
export const sampleFileMessages = {
  verdict: (verdict: FileVerdict) => {
    const count = counts(verdict);
    const lines = [
      `${MARK[verdict.status]} ${statusLabel[verdict.status]} — ${verdict.name}${count ? ` (${count})` : ''}`,
      verdictDetails(verdict),
    ];
    if (verdict.problems.length > 0) lines.push('', ...verdict.problems.map((p) => `• ${p.message}`));
    return fit(lines.join('\n'));
  },

  duplicate: (receivedAt: Date, timeZone: string) =>
    `ℹ️ Tệp này đã được kiểm tra lúc ${formatDateTime(receivedAt, timeZone)}, nên không được tính thêm lần nữa.`,

  stats: (unitName: string, stats: SampleStats) =>
    `📁 ${unitName}: đã kiểm tra ${formatNumber(stats.checked)} tệp mẫu — ${formatNumber(stats.accepted)} đạt, ${formatNumber(stats.rejected)} không đạt.`,

  notCounted:
    'Tệp do cán bộ điều phối hoặc lãnh đạo gửi chỉ được kiểm tra, không tính vào thống kê tệp mẫu của xã nào.',

  /** The name shown for a document Telegram delivered without one. */
  unnamedFile: 'tệp không tên',

  archiveProgress: (fileCount: number) =>
    `⏳ Đang kiểm tra ${formatNumber(fileCount)} tệp… Kết quả sẽ hiện tại đây khi kiểm tra xong.`,

  /** The summary of an archive check; `footer` (the commune's statistics) ends it. */
  archiveSummary: (archiveName: string, rows: readonly PathVerdict[], duplicates: number, footer: string) => {
    if (rows.length === 0)
      return `📦 ${archiveName}: không có tệp nào để kiểm tra. Hãy nén các tệp PDF bản quét vào tệp ZIP rồi gửi lại.`;
    const t = tally(rows);
    const lines = [
      `📦 ${archiveName} — đã kiểm tra ${formatNumber(rows.length)} tệp:`,
      `✅ ${formatNumber(t.accepted)} đạt · ⚠️ ${formatNumber(t.warnings)} đạt nhưng có lưu ý · ❌ ${formatNumber(t.rejected)} không đạt`,
    ];
    const rejected = rows.filter((row) => row.verdict.status === 'rejected');
    if (rejected.length > 0) {
      lines.push('', 'Tệp không đạt:');
      const prefix = `${archiveName}/`;
      for (const { path, verdict } of rejected.slice(0, MAX_REJECTED_LISTED)) {
        const name = path.startsWith(prefix) ? path.slice(prefix.length) : path;
        lines.push(`• ${name} — ${firstSentence(verdict.problems[0]?.message ?? '')}`);
      }
      if (rejected.length > MAX_REJECTED_LISTED)
        lines.push(`… và ${formatNumber(rejected.length - MAX_REJECTED_LISTED)} tệp không đạt khác.`);
    }
    if (duplicates > 0)
      lines.push(
        '',
        `ℹ️ ${formatNumber(duplicates)} tệp đã được kiểm tra trước đó, nên không được tính thêm lần nữa.`,
      );
    lines.push('', 'Kết quả và lỗi của từng tệp có trong tệp CSV gửi kèm (mở bằng Excel).', '', footer);
    return fit(lines.join('\n'));
  },

  archiveUnreadable: (verdict: FileVerdict) =>
    fit(`❌ Không mở được tệp ZIP ${verdict.name}.\n${verdict.problems.map((p) => p.message).join('\n')}`),

  csvFileName: (archiveName: string) => `ket-qua-kiem-tra-${archiveName.replace(/\.zip$/i, '')}.csv`,

  csvCaption: (archiveName: string) => `Kết quả kiểm tra từng tệp trong ${archiveName}`,

  /** `appName`: the app the file came through, as a person names it (Zalo OA's limit is not Telegram's). */
  tooLarge: (bytes: number | undefined, limitBytes: number, appName = 'Telegram') =>
    `❌ Tệp${bytes === undefined ? '' : ` nặng ${megabytes(bytes)} MB,`} vượt giới hạn ${megabytes(limitBytes)} MB mà bot tải được từ ${appName}, nên chưa được kiểm tra. ` +
    `Mỗi tệp PDF bản quét chỉ khoảng 100 KB: hãy gửi từng tệp, hoặc chia thành nhiều tệp ZIP nhỏ hơn ${formatNumber(Math.floor(limitBytes / (1024 * 1024)))} MB.`,

  notSupported: (fileName: string) =>
    `❌ Bot chỉ kiểm tra bản quét PDF (mỗi hồ sơ một tệp .pdf) hoặc tệp .zip chứa các tệp PDF; “${fileName}” không phải hai loại đó. ` +
    'Hãy quét hồ sơ ra PDF, đặt tên theo mẫu LOẠI.NĂM.QUYỂN.SỐ.pdf (ví dụ KS.2025.01.001.pdf) rồi gửi lại.',

  /**
   * A photo where a scan was expected, on a channel that takes files (`platform`: its key). Telegram's
   * words name its own compression and its 📎 menu; elsewhere the platform is named and no menu described.
   */
  photo: (platform: string) =>
    platform === 'telegram'
      ? '📷 Anh/chị vừa gửi ảnh. Telegram nén ảnh khi gửi theo kiểu “ảnh”, nên bot không kiểm tra được bản quét. ' +
        'Hãy quét hồ sơ ra tệp PDF rồi gửi dưới dạng tệp: bấm 📎 → “Tệp” (File) → chọn tệp PDF.'
      : `📷 Anh/chị vừa gửi ảnh. Ảnh gửi qua ${platformName(platform)} bị nén, nên bot không kiểm tra được bản quét. ` +
        'Hãy quét hồ sơ ra tệp PDF rồi gửi tệp PDF (không gửi dạng ảnh) vào cuộc trò chuyện này.',

  listEmpty: (scopeName: string) => `✅ Chưa có tệp mẫu nào có lỗi hoặc lưu ý trong phạm vi ${scopeName}.`,

  list: (scopeName: string, items: readonly ProblemSample[], timeZone: string, canFetch: boolean) => {
    const lines = [`🗂 Tệp mẫu có lỗi hoặc lưu ý gần đây — ${scopeName} (${items.length} tệp mới nhất):`];
    for (const item of items) {
      const mark = item.verdict === 'rejected' ? MARK.rejected : MARK.warnings;
      const kept = canFetch && item.hasContent ? ' 📎' : '';
      lines.push(
        `#${item.id} ${mark} ${item.unitName} — ${item.fileName} — ${formatTimeDayMonth(item.receivedAt, timeZone)}${kept}`,
        `   ${firstSentence(item.firstProblem, 120)}`,
      );
    }
    if (canFetch) lines.push('', '📎 tệp còn được lưu: gửi /mau <số> để nhận lại, ví dụ /mau 12.');
    return fit(lines.join('\n'));
  },

  badId:
    'Cách dùng: /mau để xem các tệp mẫu có lỗi gần đây; /mau <số> để nhận lại tệp đã lưu, ví dụ /mau 12.',

  fetchNotAllowed: 'Chỉ cán bộ điều phối mới nhận lại được tệp mẫu đã lưu.',

  notFound: (id: number) => `Không tìm thấy tệp mẫu #${id} trong phạm vi của anh/chị.`,

  noContent: (id: number, purged: boolean) =>
    purged
      ? `Tệp mẫu #${id} đã hết thời hạn lưu trữ nên nội dung đã được xóa; chỉ còn kết quả kiểm tra.`
      : `Bot không lưu nội dung tệp mẫu #${id} (chỉ lưu tệp không đạt và vài tệp đạt của mỗi xã); chỉ còn kết quả kiểm tra.`,

  fetchedCaption: (id: number, unitName: string) =>
    `Tệp mẫu #${id} — ${unitName}. Tệp chứa thông tin hộ tịch của công dân: chỉ dùng để hướng dẫn sửa lỗi, không chia sẻ.`,
} as const;

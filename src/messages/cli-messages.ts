// Every word the operator reads from `sohoa <command>`: usage lines, refusals and the one-line results.
import type { LevelDefinition } from '../domain/unit.js';
import { levelWord } from './unit-label-messages.js';
import { formatDate, formatDateTime, formatNumber } from './vi-format.js';

/** Options and placeholders shared by the usage lines. */
const WHAT = { dir: '<thư mục>', file: '<tệp>', code: '<mã>' } as const;

/** The `help` column of `sohoa help`, by command. */
export const CLI_COMMAND_HELP = {
  start: 'chạy bot, bộ gửi tin và lịch nhắc',
  migrate: 'cập nhật cấu trúc cơ sở dữ liệu',
  campaign: `campaign load ${WHAT.dir}: nạp hoặc cập nhật chiến dịch; campaign init --province <mã> --start … --end … --out ${WHAT.dir}: tạo thư mục chiến dịch mới từ danh mục`,
  invite: 'invite create --unit <mã> --role <vai trò>: tạo mã mời',
  export: `export --format <xlsx|csv> --out ${WHAT.file} [--date YYYY-MM-DD]: xuất số liệu`,
  runJob: 'run-job <việc> [--at <thời điểm ISO>]: chạy một việc nhắc theo lịch (một lần cho mỗi khung giờ)',
  zaloOa:
    'zalo-oa token set --refresh-token <mã> | group add <group_id> --scope <mã đơn vị>: mã truy cập và nhóm của Zalo OA',
  demo: `demo [--campaign ${WHAT.dir}] [--days N] [--communes N] [--seed S] [--speed X] [--out ${WHAT.dir}]: chạy thử cả chiến dịch, không cần mạng`,
  check: 'check <tệp|thư mục|zip>… [--json]: kiểm tra tệp PDF mẫu',
  convert:
    'convert <tệp|thư mục|zip>… --out <thư mục> [--json]: chuyển ảnh chụp, bản quét quá nặng thành PDF đạt yêu cầu',
} as const;

/** Words of the command-line tool. */
export const cliMessages = {
  usage: (lines: readonly string[]) =>
    `Cách dùng: sohoa <lệnh> [tùy chọn]\n\nCác lệnh:\n${lines.join('\n')}\n`,
  unknownCommand: (name: string, usage: string) => `Không có lệnh "${name}".\n${usage}`,
  unexpectedError: (detail: string) => `Lỗi không mong đợi: ${detail}\n`,

  optionNeedsValue: (name: string) => `Tùy chọn --${name} cần một giá trị.`,
  optionMissing: (name: string) => `Thiếu tùy chọn --${name}.`,

  campaignUsage:
    'Cách dùng: sohoa campaign load <thư mục chiến dịch> [--mapping <tệp đối chiếu.csv> --from YYYY-MM-DD]\n' +
    '       sohoa campaign init --province <mã tỉnh> --start YYYY-MM-DD --end YYYY-MM-DD --out <thư mục>',
  campaignLoaded: (
    campaign: { code: string; name: string },
    levels: readonly { level: LevelDefinition; count: number }[],
    targets: { books: number; cases: number },
  ) =>
    `Chiến dịch ${campaign.code} (${campaign.name}): ` +
    `${levels.map(({ level, count }) => `${count} ${levelWord(level)}`).join(', ')}; ` +
    `chỉ tiêu ${formatNumber(targets.books)} sổ, ${formatNumber(targets.cases)} hồ sơ.\n`,
  campaignCreated: 'Đã nạp lần đầu.\n',
  campaignUnchanged: 'Không có thay đổi: cơ sở dữ liệu đã khớp với tệp.\n',
  campaignChanged: (count: number) => `Đã cập nhật ${count} thay đổi:\n`,

  exportUsage: `Cách dùng: sohoa export --format <xlsx|csv> --out ${WHAT.file} [--date YYYY-MM-DD] [--campaign ${WHAT.code}]`,
  exportBadFormat: (format: string, usage: string) => `Định dạng "${format}" không hỗ trợ. ${usage}`,
  exportBadDate: (date: string) => `Ngày "${date}" không đúng dạng YYYY-MM-DD.`,
  exportWritten: (rows: number, sheetNames: readonly string[], date: string, out: string) =>
    `Đã ghi ${rows} dòng (${sheetNames.join(', ')}) ngày ${date} vào ${out}\n`,

  migrated: (done: number, total: number) => `Cơ sở dữ liệu đã cập nhật: ${done}/${total} migration.\n`,

  inviteUsage: `Cách dùng: sohoa invite create --unit <mã đơn vị> --role <reporter|coordinator|leader> [--uses N] [--days N] [--campaign ${WHAT.code}] [--json]\n  hoặc: sohoa invite create --national [--uses N] [--days N] [--json] (lãnh đạo toàn quốc)`,
  inviteBadRole: (role: string, usage: string) => `Vai trò "${role}" không hợp lệ. ${usage}`,
  inviteNationalAlone:
    'Mã mời lãnh đạo toàn quốc không gắn với đơn vị hay vai trò: dùng sohoa invite create --national [--uses N] [--days N] [--json].',
  inviteNationalCreated: (invite: { code: string; uses: number; expiresAt: Date }) =>
    `Mã mời lãnh đạo toàn quốc (xem mọi chiến dịch), dùng được ${invite.uses} lần, ` +
    `hết hạn ${formatDateTime(invite.expiresAt, 'Asia/Ho_Chi_Minh')}. Người nhận gửi cho bot: /start ${invite.code}\n`,
  inviteCreated: (
    invite: { code: string; role: string; uses: number; expiresAt: Date },
    unit: { code: string; name: string },
    timeZone: string,
  ) =>
    `Mã mời cho ${unit.name} (${unit.code}), vai trò ${invite.role}, ` +
    `dùng được ${invite.uses} lần, hết hạn ${formatDateTime(invite.expiresAt, timeZone)}. ` +
    `Người nhận gửi cho bot: /start ${invite.code}\n`,
  notPositiveInt: (name: string, value: string) => `--${name} phải là số nguyên dương (nhận "${value}").`,

  runJobUsage: (jobNames: readonly string[]) =>
    `Cách dùng: sohoa run-job <${jobNames.join('|')}> [--at <thời điểm ISO>] [--campaign ${WHAT.code}] [--no-send] [--json]`,
  runJobUnknown: (name: string, usage: string) => `Không có việc "${name}". ${usage}`,
  runJobBadAt: (atText: string) =>
    `--at phải là thời điểm ISO có múi giờ, ví dụ 2025-03-10T16:00:00+07:00 (nhận "${atText}").`,
  runJobNoSend: 'Không gửi (--no-send): tin nằm trong hàng đợi.',
  runJobNoToken: 'Chưa đặt TELEGRAM_BOT_TOKEN: tin nằm trong hàng đợi, dịch vụ `sohoa start` sẽ gửi.',
  runJobZaloLater: 'Tin gửi qua Zalo nằm trong hàng đợi: dịch vụ `sohoa start` (có bật kênh Zalo) sẽ gửi.',
  runJobNoZalo:
    'Chưa bật kênh Zalo nào (ZALO_BOT_TOKEN hoặc các biến ZALO_OA_*): việc zalo-goi-ngay không có ai để gửi.',
  runJobNoSlot: (job: string, at: string, startDate: string, endDate: string) =>
    `${job}: chưa có khung giờ nào đến ${at} (chiến dịch ${formatDate(startDate)}–${formatDate(endDate)}).\n`,
  slot: (slot: { date: string; time: string }) => `khung ${formatDate(slot.date)} ${slot.time}`,
  runJobRan: (job: string, slot: string, queued: number, alreadyQueued: number, units: number) =>
    `Đã chạy ${job}, ${slot}: ${formatNumber(queued)} tin mới vào hàng đợi` +
    ` (${formatNumber(alreadyQueued)} tin đã có từ trước), ${formatNumber(units)} đơn vị.`,
  runJobTaken: (job: string, slot: string, status: string | undefined) =>
    `${job}, ${slot} đã có trong sổ việc (trạng thái: ${status ?? 'không rõ'}): không gửi thêm.`,
  runJobFailed: (job: string, slot: string, error: string) => `Lỗi khi chạy ${job}, ${slot}: ${error}`,
  runJobDelivery: (d: { sent: number; failed: number; pending: number }) =>
    `Tin của lượt này: đã gửi ${formatNumber(d.sent)}, lỗi ${formatNumber(d.failed)}, đang chờ ${formatNumber(d.pending)}.`,

  demoUsage: `Cách dùng: sohoa demo [--days N] [--communes N] [--seed S] [--speed X] [--out ${WHAT.dir}] [--data-dir ${WHAT.dir}] [--campaign ${WHAT.dir}] [--guide-images ${WHAT.dir}] [--telegram-only] [--zalo-oa <mã đơn vị>]`,
  demoNeedsNumber: (name: string, usage: string) => `--${name} cần một số. ${usage}`,
  demoDataDirNotEmpty: (dir: string) =>
    `Thư mục ${dir} đã có dữ liệu: demo cần một thư mục trống (hoặc bỏ --data-dir).`,
  demoGuideImages: (count: number, dir: string) => `Ảnh hướng dẫn: ${count} ảnh trong ${dir}.\n`,
  demoGuideMissing: (missing: readonly string[]) =>
    `Bản chạy này quá ngắn để có các ảnh: ${missing.join(', ')}.\n`,
} as const;

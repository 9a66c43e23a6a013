// Every word `sohoa campaign init` writes into a new campaign folder or prints: the default figures and
// steps of a registry digitization campaign, the folder's README, usage lines and refusals.
import type { MetricSettings } from '../domain/campaign-file.js';
import type { MetricCode } from '../domain/campaign-file.js';
import { formatDate, formatNumber } from './vi-format.js';

/** The four figures a commune reports, as the Quảng Trị campaigns name them in chat. */
export const DEFAULT_METRICS: readonly MetricSettings[] = [
  {
    code: 'books',
    label: 'Số sổ đã thu thập, phân loại',
    short: 'Sổ',
    aliases: ['so', 'sổ', 'sosach', 'books'],
  },
  {
    code: 'scanned',
    label: 'Số hồ sơ đã quét (scan)',
    short: 'Quét',
    aliases: ['scan', 'quet', 'quét', 'scanned'],
  },
  {
    code: 'entered',
    label: 'Số hồ sơ đã nhập vào phần mềm',
    short: 'Nhập',
    aliases: ['nhap', 'nhập', 'nhaplieu', 'nhập liệu', 'entered'],
  },
  {
    code: 'attached',
    label: 'Số hồ sơ đã đính kèm tệp và rà soát',
    short: 'Đính kèm',
    aliases: ['dinhkem', 'đính kèm', 'dinh kem', 'đínhkèm', 'attached'],
  },
];

/** Each step's milestone: its code in campaign.json and its title. */
export const DEFAULT_STEPS: Readonly<Record<MetricCode, { code: string; title: string }>> = {
  books: { code: 'thu-thap', title: 'Thu thập, phân loại sổ hộ tịch' },
  scanned: { code: 'scan', title: 'Quét từng hồ sơ thành tệp PDF riêng' },
  entered: { code: 'nhap-lieu', title: 'Nhập từng hồ sơ vào phần mềm của Bộ Tư pháp' },
  attached: { code: 'dinh-kem', title: 'Đính kèm tệp, rà soát và chỉnh sửa' },
};

/** The sample-file type codes of civil-status records. */
export const DEFAULT_TYPE_CODES: Readonly<Record<string, string>> = {
  KS: 'Khai sinh',
  KT: 'Khai tử',
  KH: 'Kết hôn',
  CMC: 'Nhận cha, mẹ, con',
  GH: 'Giám hộ',
  TDHT: 'Thay đổi, cải chính, bổ sung hộ tịch',
  XNHN: 'Xác nhận tình trạng hôn nhân',
  LH: 'Ly hôn, hủy việc kết hôn',
  NCN: 'Nuôi con nuôi',
};

/** How the targets of a scaffolded folder were filled, for its README. */
export type TargetsNote =
  | { readonly kind: 'empty' }
  | {
      readonly kind: 'baseline';
      readonly baselineFile: string;
      readonly books: number;
      readonly cases: number;
      /** New units with figures estimated from the baseline's average (their old area published none). */
      readonly estimated: readonly string[];
      /** New units the baseline gives nothing to digitize (0/0: listed apart, not ranked). */
      readonly zero: readonly string[];
      readonly perOldCommune: { readonly books: number; readonly cases: number };
    };

/** Words of `sohoa campaign init`. */
export const campaignInitMessages = {
  usage:
    'Cách dùng: sohoa campaign init --province <mã tỉnh> --start YYYY-MM-DD --end YYYY-MM-DD --out <thư mục> ' +
    '[--list 2025-07-01|2025-03-01|<tệp danh mục.csv>] [--code <mã chiến dịch>] [--name <tên>] ' +
    '[--targets-from-baseline <tệp chỉ tiêu cũ theo huyện.csv>]',
  campaignName: (provinceName: string, year: string) => `Số hóa sổ hộ tịch ${provinceName} ${year}`,
  badDate: (option: string, value: string) => `--${option} phải là ngày dạng YYYY-MM-DD (nhận "${value}").`,
  endBeforeStart: 'Ngày kết thúc (--end) phải bằng hoặc sau ngày bắt đầu (--start).',
  unknownProvince: (code: string, list: string) =>
    `Không có tỉnh mã "${code}" trong danh mục ${list}. Mã tỉnh gồm 2 chữ số, ví dụ 44 (Tỉnh Quảng Trị từ 01/07/2025).`,
  outExists: (dir: string) =>
    `Thư mục ${dir} đã có campaign.json hoặc units.csv: không ghi đè. Chọn thư mục khác hoặc xóa tệp cũ.`,
  baselineNeedsNewList:
    '--targets-from-baseline chỉ dùng với danh mục mới 2025-07-01 (chỉ tiêu cũ theo huyện được chuyển qua bảng sáp nhập).',
  written: (dir: string, communes: number, levels: string) =>
    `Đã tạo thư mục chiến dịch ${dir}: campaign.json, units.csv (${communes} đơn vị cấp xã; các cấp: ${levels}), README.md.\n`,
  targetsEmpty:
    'Cột target_books, target_cases đang để trống: tỉnh điền chỉ tiêu của từng xã rồi mới nạp được ' +
    '(sohoa campaign load báo tên mọi xã còn thiếu).\n',
  targetsFromBaseline: (books: number, cases: number, estimated: number) =>
    `Chỉ tiêu tạm tính từ số liệu cũ theo huyện: ${formatNumber(books)} sổ, ${formatNumber(cases)} hồ sơ` +
    (estimated > 0 ? `; ${estimated} đơn vị ước tính theo bình quân (xem README.md).\n` : '.\n'),
  nextSteps: (dir: string) =>
    `Tiếp theo: kiểm tra campaign.json và units.csv, rồi chạy: npx sohoa campaign load ${dir}\n`,

  /** The README of a scaffolded folder: what it holds, how the deadlines and targets were set, what to do next. */
  readme: (p: {
    name: string;
    code: string;
    command: string;
    provinceName: string;
    provinceCode: string;
    start: string;
    end: string;
    listName: string;
    unitCount: number;
    levels: string;
    deadlines: Readonly<Record<MetricCode, string>>;
    targets: TargetsNote;
    dir: string;
  }) =>
    [
      `# ${p.name}`,
      '',
      `Thư mục chiến dịch tạo bằng \`sohoa campaign init\` từ danh mục đơn vị hành chính ${p.listName}: ` +
        `${p.provinceName} (mã ${p.provinceCode}), ${p.unitCount} đơn vị cấp xã, các cấp: ${p.levels}. ` +
        `Thời gian: ${formatDate(p.start)} – ${formatDate(p.end)}.`,
      '',
      '- `campaign.json` — ngày bắt đầu, kết thúc, giờ chốt báo cáo (17:00), bốn bước và hạn của từng bước, ' +
        'các số liệu báo cáo và cách gõ trong tin nhắn, quy tắc tệp mẫu, giờ nhắc.',
      '- `units.csv` — tỉnh và mọi xã, phường, đặc khu theo danh mục, với chỉ tiêu (số sổ, số hồ sơ) của từng xã.',
      '',
      '## Hạn của từng bước',
      '',
      'Hạn được chia theo tỷ lệ thời gian của chiến dịch (sửa trong `campaign.json` nếu kế hoạch của tỉnh khác):',
      '',
      `- ${DEFAULT_STEPS.books.title}: ${formatDate(p.deadlines.books)} (hết 1/4 thời gian)`,
      `- ${DEFAULT_STEPS.scanned.title}: ${formatDate(p.deadlines.scanned)} (hết 60% thời gian)`,
      `- ${DEFAULT_STEPS.entered.title}: ${formatDate(p.deadlines.entered)} (hết 85% thời gian)`,
      `- ${DEFAULT_STEPS.attached.title}: ${formatDate(p.deadlines.attached)} (ngày cuối)`,
      '',
      '## Chỉ tiêu',
      '',
      ...targetsParagraphs(p.targets),
      '',
      '## Bắt đầu',
      '',
      '```',
      `npx sohoa campaign load ${p.dir}`,
      `npx sohoa invite create --unit ${p.provinceCode} --role coordinator --campaign ${p.code}`,
      'npx sohoa start',
      '```',
      '',
      'Thư mục này được tạo bằng lệnh:',
      '',
      '```',
      p.command,
      '```',
      '',
    ].join('\n'),
} as const;

function targetsParagraphs(t: TargetsNote): string[] {
  if (t.kind === 'empty') {
    return [
      'Cột `target_books` (số sổ) và `target_cases` (số hồ sơ) đang để trống. Tỉnh điền chỉ tiêu của từng xã ' +
        'trước khi nạp: `sohoa campaign load` từ chối thư mục còn xã chưa có chỉ tiêu và nêu tên từng xã ' +
        '(`"requireTargets": true` trong `campaign.json`). Xã không có sổ cần số hóa: ghi 0 và 0.',
    ];
  }
  const lines = [
    `**Chỉ tiêu trong thư mục này là số tạm tính, không phải số tỉnh công bố: tỉnh thay bằng số kiểm kê thực ` +
      `tế của từng xã rồi nạp lại.** Tổng: ${formatNumber(t.books)} sổ, ${formatNumber(t.cases)} hồ sơ.`,
    '',
    `Cách tính: số liệu cũ theo huyện (\`${t.baselineFile}\`) được chia đều cho các xã cũ của mỗi huyện ` +
      '(theo thứ tự mã; phần dư cho các xã đầu), rồi mỗi xã mới cộng phần của các xã cũ hợp thành nó theo ' +
      'bảng sáp nhập `reference/vn-merge-2025-07-01.csv` (xã cũ nhập một phần vào nhiều xã mới được chia đều ' +
      'cho các xã mới đó).',
  ];
  if (t.estimated.length > 0) {
    lines.push(
      '',
      `Các đơn vị hình thành từ địa bàn cũ không có trong số liệu cũ (${t.estimated.length} đơn vị) được ước ` +
        `tính theo bình quân một xã cũ của số liệu đó (${formatNumber(t.perOldCommune.books, 1)} sổ, ` +
        `${formatNumber(t.perOldCommune.cases, 1)} hồ sơ) nhân số xã cũ hợp thành: ${t.estimated.join('; ')}.`,
    );
  }
  if (t.zero.length > 0) {
    lines.push(
      '',
      `Số liệu cũ không giao sổ nào cho: ${t.zero.join('; ')} — ghi 0 và 0 (không xếp hạng cho đến khi có chỉ tiêu).`,
    );
  }
  return lines;
}

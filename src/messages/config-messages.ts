// Every word the operator reads when an environment variable or a campaign file is wrong (zod's own
// messages come from its Vietnamese locale, src/config/zod-locale.ts).

/** Field rules of the environment and the campaign files, as zod messages. */
export const CONFIG_RULES = {
  isoDate: 'phải là ngày dạng YYYY-MM-DD',
  clockTime: 'phải là giờ dạng HH:MM, ví dụ 17:00',
  code: 'chỉ gồm chữ thường không dấu, số và dấu -',
  typeCode: 'mã loại gồm 2–6 chữ in hoa',
  farBehindRatio: 'farBehindRatio phải nhỏ hơn hoặc bằng behindRatio',
  timeZone: 'không phải múi giờ IANA hợp lệ',
  endDate: 'phải bằng hoặc sau startDate',
  missingMetric: (code: string) => `thiếu chỉ tiêu "${code}"`,
  aliasTaken: (alias: string, owner: string) => `bí danh "${alias}" đã dùng cho "${owner}"`,
  duplicateMilestone: (code: string) => `mã "${code}" bị trùng`,

  botToken: 'không đúng dạng mã bot của Telegram (số:chuỗi ký tự, lấy từ @BotFather)',
  url: 'phải là một địa chỉ URL',
  databaseUrl: 'phải bắt đầu bằng postgres:// hoặc postgresql://',
  webhookUrl: 'phải là địa chỉ https:// công khai',
  webhookSecret: 'cần 16–256 ký tự gồm chữ, số, _ hoặc -',
  port: 'phải là số cổng từ 1 đến 65535',
  instant: 'phải là thời điểm ISO có múi giờ, ví dụ 2025-03-10T16:00:00+07:00',
  requiredWithWebhook: 'bắt buộc khi đặt WEBHOOK_URL',
  requiredWithZaloOa:
    'bắt buộc khi đặt một trong các biến ZALO_OA_APP_ID, ZALO_OA_APP_SECRET, ZALO_OA_SECRET_KEY, ZALO_OA_TOKEN_KEY',
  zaloOaTokenKey: 'phải dài ít nhất 16 ký tự',
  webBaseUrl: 'phải là địa chỉ http:// hoặc https:// mà người dùng mở được, ví dụ https://sohoa.example.vn',
  webSecret: 'cần ít nhất 32 ký tự',
  requiredWithWeb: 'bắt buộc khi đặt WEB_BASE_URL',

  count: 'phải là số nguyên không âm (không có dấu chấm, dấu phẩy hay dấu trừ)',
  unitCode: 'phải là mã đơn vị hành chính gồm 2–5 chữ số',
  required: 'không được để trống',
  level: (codes: readonly string[]) => `phải là một cấp khai báo trong campaign.json: ${codes.join(', ')}`,
  levelName: (code: string) => `cấp "${code}" cần tên hiển thị, ví dụ { "code": "${code}", "name": "Cụm" }`,
  levelCount: 'tối đa 3 cấp: tỉnh, một cấp ở giữa (huyện, cụm…) và xã',
  levelEnds: 'cấp đầu tiên phải là province và cấp cuối cùng phải là commune',
  duplicateLevel: (code: string) => `cấp "${code}" bị khai báo hai lần`,
  duplicateUnit: (code: string, line: number) => `mã ${code} bị trùng với dòng ${line}`,
  targetOnCommunes: 'chỉ tiêu chỉ đặt cho cấp xã; các cấp trên được cộng từ các xã',
  bothTargets: 'cần cả số sổ và số hồ sơ',
} as const;

/** Sentences of configuration errors. */
export const configMessages = {
  invalid: 'không hợp lệ',
  envVariableFallback: 'môi trường',
  envInvalid: (variable: string, message: string) => `Biến môi trường ${variable}: ${message}.`,

  fileNotFound: (path: string) => `Không tìm thấy tệp ${path}.`,
  campaignDirMissing: (path: string) => `CAMPAIGN_DIR: không tìm thấy thư mục ${path}.`,
  campaignDirEmpty: (path: string) =>
    `CAMPAIGN_DIR: thư mục ${path} không có campaign.json, và không có thư mục con nào có campaign.json.`,
  campaignDirListEmpty:
    'CAMPAIGN_DIR: không có thư mục chiến dịch nào (các thư mục cách nhau bằng dấu phẩy).',
  campaignCodeTwice: (code: string, first: string, second: string) =>
    `Hai thư mục chiến dịch cùng mã "${code}": ${first} và ${second}. Mỗi chiến dịch cần một mã riêng.`,
  fileUnreadable: (path: string, code: string | undefined) =>
    `Không đọc được tệp ${path} (${code ?? 'lỗi'}).`,
  notJson: (file: string, detail: string) => `${file}: không phải JSON hợp lệ (${detail}).`,
  jsonField: (file: string, field: string, message: string) =>
    `${file}, mục ${field || '(gốc)'}: ${message}.`,

  missingColumns: (file: string, columns: readonly string[]) =>
    `${file}: thiếu cột ${columns.join(', ')} ở dòng tiêu đề.`,
  cellValue: (file: string, line: number, field: string, value: string, message: string) =>
    `${file} dòng ${line}, cột ${field} ("${value}"): ${message}.`,
  cell: (file: string, line: number, field: string, message: string) =>
    `${file} dòng ${line}, cột ${field}: ${message}.`,
  oneProvince: (file: string, provinceCode: string) =>
    `${file}: cần đúng một dòng cấp province có mã ${provinceCode} (mã tỉnh trong campaign.json).`,
  provinceHasParent: (file: string, line: number | undefined) =>
    `${file} dòng ${line}, cột parent_code: cấp tỉnh không có đơn vị cha.`,
  parentNotFound: (file: string, line: number | undefined, parentCode: string) =>
    `${file} dòng ${line}, cột parent_code: không tìm thấy đơn vị cha "${parentCode}" trong tệp.`,
  parentLevel: (
    file: string,
    line: number | undefined,
    unit: string,
    level: string,
    expected: string,
    parent: string,
    actual: string,
  ) =>
    `${file} dòng ${line}, cột parent_code: ${unit} thuộc cấp ${level} nên phải trực thuộc một đơn vị cấp ` +
    `${expected} (cấp ngay trên trong campaign.json), nhưng đơn vị cha ${parent} thuộc cấp ${actual}.`,
  missingTargets: (file: string, units: readonly string[]) =>
    `${file}: còn ${units.length} xã chưa có chỉ tiêu (target_books, target_cases) — chiến dịch yêu cầu ` +
    `đủ chỉ tiêu cho mọi xã trước khi nạp: ${units.join('; ')}.`,
} as const;

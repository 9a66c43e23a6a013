// Words of the Zalo channels and of the features that exist because of them: numbered choices, files Zalo
// does not pass on, linking one person's Telegram and Zalo, and which channel a leader's package uses.

/**
 * What to do with a file when the web side's personal upload page is not there (undefined link): a
 * commune's reporter may also ask a coordinator (whatever office that is on the campaign's map); a
 * coordinator or leader is that help, so only Telegram is named.
 */
function sendFilesElsewhere(reporter: boolean): string {
  return reporter
    ? 'Hãy gửi tệp mẫu qua bot trên Telegram, hoặc gửi cho cán bộ điều phối để kiểm tra giúp.'
    : 'Hãy gửi tệp mẫu qua bot trên Telegram để kiểm tra.';
}

function whereToSend(uploadLink: string | undefined, reporter: boolean): string {
  return uploadLink === undefined
    ? sendFilesElsewhere(reporter)
    : `Hãy gửi tệp qua trang tải lên riêng của anh/chị (không chia sẻ đường dẫn này cho người khác): ${uploadLink}`;
}

/** Display names of the platforms, as a person knows them. */
const PLATFORM_NAMES: Record<string, string> = {
  telegram: 'Telegram',
  'zalo-bot': 'Zalo',
  'zalo-oa': 'Zalo (Official Account)',
};

/** A platform key as a person reads it. */
export function platformName(platform: string): string {
  return PLATFORM_NAMES[platform] ?? platform;
}

export const zaloMessages = {
  /**
   * The choices of a message, numbered, appended to its text on channels without buttons:
   * «Trả lời bằng một số: 1 — ✅ Xác nhận, 2 — ✖️ Hủy».
   */
  numberedChoices: (labels: readonly string[]) =>
    labels.length === 1
      ? `👉 Trả lời 1 để chọn: ${labels[0] ?? ''}`
      : ['👉 Trả lời bằng một số:', ...labels.map((label, i) => `${i + 1} — ${label}`)].join('\n'),

  /** A file sent on Zalo Bot: Zalo delivers only «unsupported», without the file. */
  fileNotDelivered: (uploadLink: string | undefined, reporter = true) =>
    '📎 Zalo không chuyển tệp (PDF, ZIP…) cho bot, nên bot chưa nhận được tệp anh/chị vừa gửi.\n' +
    whereToSend(uploadLink, reporter),

  /** A photo of a page sent on a channel that cannot take files: the same advice as on Telegram. */
  photo: (uploadLink: string | undefined, reporter = true) =>
    '📷 Anh/chị vừa gửi ảnh chụp. Ảnh chụp bị nén nên bot không kiểm tra được như bản quét. ' +
    'Hãy quét hồ sơ ra tệp PDF, đặt tên theo mẫu LOẠI.NĂM.QUYỂN.SỐ.pdf (ví dụ KS.2025.01.001.pdf).\n' +
    whereToSend(uploadLink, reporter),

  /** A chart that cannot be shown on Zalo yet (no address to send it from): the caption and why. */
  imageUnavailable: (caption: string | undefined) =>
    `${caption ? `${caption}\n` : ''}📊 (Biểu đồ chưa gửi được qua Zalo; anh/chị xem biểu đồ trên Telegram hoặc hỏi cán bộ điều phối.)`,

  /** A document (the daily PDF, a CSV) on Zalo: Zalo Bot sends no files, so a link or why not. */
  document: (fileName: string, caption: string | undefined, url: string | undefined) =>
    `${caption ? `${caption}\n` : ''}` +
    (url === undefined
      ? `📄 Tệp ${fileName} chưa gửi được qua Zalo; anh/chị nhận tệp trên Telegram hoặc hỏi cán bộ điều phối.`
      : `📄 Tải tệp ${fileName}: ${url}`),
} as const;

export const linkMessages = {
  /** `/lienket` without a code: the code to type on the other platform. */
  code: (code: string, minutes: number, fromPlatform: string) =>
    `🔗 Mã liên kết của anh/chị: ${code}\n` +
    `Mở bot trên ứng dụng kia (${fromPlatform === 'telegram' ? 'Zalo' : 'Telegram'}) và gửi: /lienket ${code}\n` +
    `(hoặc gõ «liên kết ${code}»). Mã dùng được một lần, trong ${minutes} phút. Không đưa mã này cho người khác.`,
  linked: (name: string, platform: string, unitName: string) =>
    `✅ Đã liên kết. Trên ${platformName(platform)}, anh/chị ${name ? `${name} ` : ''}dùng cùng vai trò và đơn vị ${unitName} như ở ứng dụng kia. Gửi /trogiup để xem các lệnh.`,
  alreadyHere:
    'Anh/chị đã tham gia chiến dịch trên ứng dụng này rồi; không cần liên kết. Gửi /trogiup để xem các lệnh.',
  sameChannel:
    'Mã liên kết phải gõ trên ứng dụng KHÁC với ứng dụng đã tạo mã (tạo trên Telegram thì gõ trên Zalo, và ngược lại).',
  unknown:
    'Mã liên kết không đúng hoặc đã hết hạn (mã chỉ dùng được 10 phút, một lần). Hãy gửi /lienket ở ứng dụng kia để lấy mã mới.',
  throttled: 'Anh/chị đã nhập sai mã quá nhiều lần. Vui lòng đợi 15 phút rồi thử lại.',
  inactive:
    'Tài khoản đã tạo mã này không còn hoạt động trong chiến dịch, nên không liên kết được. Hãy liên hệ Phòng Tư pháp.',
  notMember:
    'Anh/chị cần tham gia chiến dịch trước (bằng mã mời) rồi mới tạo được mã liên kết. Gửi /start <mã mời>.',
} as const;

export const packageChannelMessages = {
  /** `/nhanbaocao` alone: where the evening package goes now, and how to change it. */
  current: (platform: string | undefined, available: readonly string[]) =>
    `📬 Báo cáo buổi tối (biểu đồ và tệp PDF) hiện gửi cho anh/chị qua: ${platform === undefined ? 'nhóm lãnh đạo trên Telegram (mặc định)' : platformName(platform)}.\n` +
    `Để đổi, gửi /nhanbaocao ${available.map(commandWordOf).join(' hoặc /nhanbaocao ')}.`,
  chosen: (platform: string) => `✅ Từ nay báo cáo buổi tối gửi cho anh/chị qua ${platformName(platform)}.`,
  unknownChannel: (typed: string) =>
    `Không rõ ứng dụng «${typed}». Gửi /nhanbaocao telegram hoặc /nhanbaocao zalo.`,
  notOnChannel: (platform: string) =>
    `Anh/chị chưa dùng bot trên ${platformName(platform)}. Hãy gửi /lienket ở đây để lấy mã, rồi gõ mã đó trong bot trên ${platformName(platform)}.`,
} as const;

/** The word a person types to pick a platform in /nhanbaocao. */
export function commandWordOf(platform: string): string {
  return platform === 'telegram' ? 'telegram' : 'zalo';
}

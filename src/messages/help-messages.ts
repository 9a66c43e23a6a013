import type { Role } from '../domain/role.js';
import { BUTTON_WORDING, typedCommand, type ChannelWording } from './channel-wording.js';
import { webPageMessages } from './web-page-messages.js';

/** Writes a command as it is typed on the channel: `cmd('baocao', 'sổ 12')` → `/baocao sổ 12` or `báo cáo sổ 12`. */
type TypedCommand = (command: string, args?: string) => string;

interface CommandHelp {
  readonly command: string;
  readonly roles: readonly Role[];
  /** What it does; the commands it names are written by `cmd`, so that Zalo shows them in words. */
  readonly text: (cmd: TypedCommand, wording: ChannelWording) => string;
}

// One list for /trogiup and the README table: a command not listed here does not exist for users.
const COMMANDS: readonly CommandHelp[] = [
  {
    command: '/baocao',
    roles: ['reporter'],
    text: (cmd) =>
      `báo cáo số liệu cộng dồn của xã, ví dụ: ${cmd('baocao', 'sổ 12 quét 1540 nhập 1320 đính kèm 1100')} (gửi ${cmd('baocao')} không kèm số để bot hỏi lần lượt)`,
  },
  {
    command: '/baocao',
    roles: ['coordinator'],
    text: (cmd) =>
      `báo cáo thay cho một xã trong phạm vi (ghi mã hoặc tên xã), kể cả ngày đã qua: ${cmd('baocao', 'xã 19333 ngày 05/03 sổ 12 quét 1540 nhập 1320 đính kèm 1100')}`,
  },
  { command: '/tiendo', roles: ['reporter'], text: () => 'xem tiến độ và thứ hạng của xã mình' },
  {
    command: '/lichsu',
    roles: ['reporter'],
    text: () => 'số liệu của xã trong những ngày qua và các lần sửa (ai sửa, lúc nào)',
  },
  {
    command: '/tiendo',
    roles: ['coordinator', 'leader'],
    text: () => 'xem tiến độ chung và các xã đang chậm trong phạm vi',
  },
  {
    command: '/xephang',
    roles: ['reporter', 'coordinator', 'leader'],
    text: () => 'bảng xếp hạng các xã theo % đã đính kèm',
  },
  {
    command: '/chuabaocao',
    roles: ['coordinator', 'leader'],
    text: () => 'danh sách xã chưa báo cáo hôm nay',
  },
  {
    command: '/nhacnho',
    roles: ['coordinator'],
    text: (cmd) =>
      `gửi tin nhắc tới cán bộ các xã trong phạm vi: ${cmd('nhacnho', '<chuabaocao|cham|tatca|mã hoặc tên xã> <nội dung>')}, ví dụ: ${cmd('nhacnho', 'chuabaocao Đề nghị báo cáo trước 17:00')}`,
  },
  {
    command: '/baocaongay',
    roles: ['coordinator', 'leader'],
    text: (cmd) =>
      `báo cáo ngày của phạm vi: biểu đồ xếp hạng, tóm tắt và tệp PDF; thêm ngày để xem ngày đã qua, ví dụ ${cmd('baocaongay', '12/03')}`,
  },
  {
    command: '/bieudo',
    roles: ['coordinator', 'leader'],
    text: (cmd) =>
      `chỉ các biểu đồ tiến độ và xếp hạng; thêm ngày để xem ngày đã qua, ví dụ ${cmd('bieudo', '12/03')}`,
  },
  {
    command: '/xuatexcel',
    roles: ['coordinator', 'leader'],
    text: (cmd, wording) =>
      `tệp Excel số liệu của phạm vi ${wording.filesInChat ? 'gửi ngay trong cuộc trò chuyện' : 'gửi bằng đường dẫn tải về'}; thêm ngày để lấy ngày đã qua, ví dụ ${cmd('xuatexcel', '12/03')}`,
  },
  {
    command: '/mau',
    roles: ['coordinator'],
    text: (cmd) =>
      `các tệp mẫu có lỗi gần đây trong phạm vi; ${cmd('mau', '<số>')} để nhận lại tệp đã lưu, ví dụ ${cmd('mau', '12')}`,
  },
  { command: '/mau', roles: ['leader'], text: () => 'các tệp mẫu có lỗi gần đây trong phạm vi' },
  {
    command: '/nhanbaocao',
    roles: ['coordinator', 'leader'],
    text: (cmd) =>
      `chọn nơi nhận báo cáo buổi tối: ${cmd('nhanbaocao', 'telegram')} hoặc ${cmd('nhanbaocao', 'zalo')}`,
  },
  {
    command: '/lienket',
    roles: ['reporter', 'coordinator', 'leader'],
    // The code is typed on the other app, which may be Telegram (no words): the slash form works on both.
    text: () => 'dùng bot trên cả Telegram và Zalo: lấy mã ở đây, gõ /lienket <mã> ở ứng dụng kia',
  },
  {
    command: '/web',
    roles: ['reporter', 'coordinator', 'leader'],
    text: (cmd, wording) =>
      `đường dẫn riêng tới trang theo dõi trên web (mở được một lần, trên một thiết bị); ${cmd('web', wording.commandWords ? 'thu hồi' : 'thuhoi')} để thu hồi mọi đường dẫn và phiên đang mở`,
  },
  { command: '/trogiup', roles: ['reporter', 'coordinator', 'leader'], text: () => 'xem hướng dẫn này' },
];

// Sample files are checked by simply sending them: no command shows that, so the help says it.
const SAMPLE_FILES: Record<Role, string> = {
  reporter:
    'Kiểm tra tệp mẫu: anh/chị gửi thẳng tệp PDF đã quét (hoặc tệp ZIP gồm nhiều tệp PDF) vào cuộc trò chuyện này; bot kiểm tra ngay tên tệp, dung lượng và nội dung rồi trả lời.',
  coordinator:
    'Kiểm tra tệp mẫu: anh/chị gửi thẳng tệp PDF (hoặc tệp ZIP gồm nhiều tệp PDF) vào cuộc trò chuyện này để bot kiểm tra ngay tên tệp, dung lượng và nội dung.',
  leader:
    'Kiểm tra tệp mẫu: anh/chị gửi thẳng tệp PDF (hoặc tệp ZIP gồm nhiều tệp PDF) vào cuộc trò chuyện này để bot kiểm tra ngay tên tệp, dung lượng và nội dung.',
};

// Where files never reach the bot (Zalo Bot), they go through the web side's upload page: a reporter
// reaches it from /web's page, a coordinator by the link the bot answers a file with (their /web page has
// no upload entry), and a leader not at all (the page refuses leaders). Without the web side there is no
// such page: files go through Telegram, or a reporter's through the coordinator.
const NO_FILES_IN_CHAT =
  'Kiểm tra tệp mẫu: Zalo không chuyển tệp (PDF, ZIP) cho bot, nên không gửi tệp trong cuộc trò chuyện này.';
const LEADER_FILES_ELSEWHERE = `${NO_FILES_IN_CHAT} Hãy gửi tệp qua bot trên Telegram, hoặc nhờ cán bộ điều phối kiểm tra giúp.`;

function samplesWithoutFilesInChat(role: Role, wording: ChannelWording, inText: TypedCommand): string {
  if (!wording.webSide) {
    return role === 'coordinator'
      ? `${NO_FILES_IN_CHAT} Hãy gửi tệp PDF (hoặc tệp ZIP gồm nhiều tệp PDF) qua bot trên Telegram để kiểm tra tên tệp, dung lượng và nội dung.`
      : LEADER_FILES_ELSEWHERE;
  }
  switch (role) {
    case 'reporter':
      return (
        `${NO_FILES_IN_CHAT} Anh/chị tải tệp PDF đã quét (hoặc tệp ZIP gồm nhiều tệp PDF) lên trang riêng trên web: ` +
        `gửi ${inText('web')} để nhận đường dẫn, mở trang rồi chọn «${webPageMessages.uploadLink}»; trang kiểm tra ngay tên tệp, dung lượng và nội dung. ` +
        '(Lỡ gửi tệp vào đây thì bot trả lời bằng đường dẫn thẳng tới trang tải lên.)'
      );
    case 'coordinator':
      return (
        `${NO_FILES_IN_CHAT} Anh/chị kiểm tra tệp trên trang tải lên riêng trên web: gửi một tệp bất kỳ vào đây, bot trả lời bằng ` +
        'đường dẫn tới trang đó; mở đường dẫn rồi tải tệp PDF (hoặc tệp ZIP) lên để kiểm tra tên tệp, dung lượng và nội dung.'
      );
    case 'leader':
      return LEADER_FILES_ELSEWHERE;
  }
}

/** The help text for a role, worded for the channel it is sent on (Telegram's by default). */
export function helpText(role: Role, unitName: string, wording: ChannelWording = BUTTON_WORDING): string {
  const head: TypedCommand = (command, args) => typedCommand(wording, command, args);
  // Words inside a sentence are quoted so that «gửi «báo cáo» không kèm số» reads as what to type.
  const inText: TypedCommand = (command, args) =>
    wording.commandWords ? `«${head(command, args)}»` : head(command, args);
  const lines = COMMANDS.filter((c) => c.roles.includes(role)).map(
    (c) => `${head(c.command.slice(1))} — ${c.text(inText, wording)}`,
  );
  const intro =
    role === 'reporter'
      ? `Anh/chị báo cáo cho ${unitName}. Trước 17:00 mỗi ngày, hãy gửi số liệu cộng dồn (tổng từ đầu chiến dịch đến nay).`
      : `Phạm vi của anh/chị: ${unitName}.`;
  const heading = wording.commandWords ? 'Các lệnh (gõ như dưới đây; gõ không dấu cũng được):' : 'Các lệnh:';
  const files = wording.filesInChat ? SAMPLE_FILES[role] : samplesWithoutFilesInChat(role, wording, inText);
  return [intro, '', heading, ...lines, '', files].join('\n');
}

/** Every command with its roles, for documentation. */
export function commandHelpList(): readonly CommandHelp[] {
  return COMMANDS;
}

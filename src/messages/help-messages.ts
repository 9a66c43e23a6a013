import type { Role } from '../domain/role.js';

interface CommandHelp {
  readonly command: string;
  readonly roles: readonly Role[];
  readonly text: string;
}

// One list for /trogiup and the README table: a command not listed here does not exist for users.
const COMMANDS: readonly CommandHelp[] = [
  {
    command: '/baocao',
    roles: ['reporter'],
    text: 'báo cáo số liệu cộng dồn của xã, ví dụ: /baocao sổ 12 quét 1540 nhập 1320 đính kèm 1100 (gửi /baocao không kèm số để bot hỏi lần lượt)',
  },
  {
    command: '/baocao',
    roles: ['coordinator'],
    text: 'báo cáo thay cho một xã trong phạm vi (ghi mã hoặc tên xã), kể cả ngày đã qua: /baocao xã 19333 ngày 05/03 sổ 12 quét 1540 nhập 1320 đính kèm 1100',
  },
  { command: '/tiendo', roles: ['reporter'], text: 'xem tiến độ và thứ hạng của xã mình' },
  {
    command: '/lichsu',
    roles: ['reporter'],
    text: 'số liệu của xã trong những ngày qua và các lần sửa (ai sửa, lúc nào)',
  },
  {
    command: '/tiendo',
    roles: ['coordinator', 'leader'],
    text: 'xem tiến độ chung và các xã đang chậm trong phạm vi',
  },
  {
    command: '/xephang',
    roles: ['reporter', 'coordinator', 'leader'],
    text: 'bảng xếp hạng các xã theo % đã đính kèm',
  },
  { command: '/chuabaocao', roles: ['coordinator', 'leader'], text: 'danh sách xã chưa báo cáo hôm nay' },
  {
    command: '/nhacnho',
    roles: ['coordinator'],
    text: 'gửi tin nhắc tới cán bộ các xã trong phạm vi: /nhacnho <chuabaocao|cham|tatca|mã hoặc tên xã> <nội dung>, ví dụ: /nhacnho chuabaocao Đề nghị báo cáo trước 17:00',
  },
  {
    command: '/baocaongay',
    roles: ['coordinator', 'leader'],
    text: 'báo cáo ngày của phạm vi: biểu đồ xếp hạng, tóm tắt và tệp PDF; thêm ngày để xem ngày đã qua, ví dụ /baocaongay 12/03',
  },
  {
    command: '/bieudo',
    roles: ['coordinator', 'leader'],
    text: 'chỉ các biểu đồ tiến độ và xếp hạng; thêm ngày để xem ngày đã qua, ví dụ /bieudo 12/03',
  },
  {
    command: '/xuatexcel',
    roles: ['coordinator', 'leader'],
    text: 'tệp Excel số liệu của phạm vi gửi ngay trong cuộc trò chuyện; thêm ngày để lấy ngày đã qua, ví dụ /xuatexcel 12/03',
  },
  {
    command: '/mau',
    roles: ['coordinator'],
    text: 'các tệp mẫu có lỗi gần đây trong phạm vi; /mau <số> để nhận lại tệp đã lưu, ví dụ /mau 12',
  },
  { command: '/mau', roles: ['leader'], text: 'các tệp mẫu có lỗi gần đây trong phạm vi' },
  {
    command: '/nhanbaocao',
    roles: ['coordinator', 'leader'],
    text: 'chọn nơi nhận báo cáo buổi tối: /nhanbaocao telegram hoặc /nhanbaocao zalo',
  },
  {
    command: '/lienket',
    roles: ['reporter', 'coordinator', 'leader'],
    text: 'dùng bot trên cả Telegram và Zalo: lấy mã ở đây, gõ /lienket <mã> ở ứng dụng kia',
  },
  {
    command: '/web',
    roles: ['reporter', 'coordinator', 'leader'],
    text: 'đường dẫn riêng tới trang theo dõi trên web (mở được một lần, trên một thiết bị); /web thuhoi để thu hồi mọi đường dẫn và phiên đang mở',
  },
  { command: '/trogiup', roles: ['reporter', 'coordinator', 'leader'], text: 'xem hướng dẫn này' },
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

/** The help text for a role. */
export function helpText(role: Role, unitName: string): string {
  const lines = COMMANDS.filter((c) => c.roles.includes(role)).map((c) => `${c.command} — ${c.text}`);
  const intro =
    role === 'reporter'
      ? `Anh/chị báo cáo cho ${unitName}. Trước 17:00 mỗi ngày, hãy gửi số liệu cộng dồn (tổng từ đầu chiến dịch đến nay).`
      : `Phạm vi của anh/chị: ${unitName}.`;
  return [intro, '', 'Các lệnh:', ...lines, '', SAMPLE_FILES[role]].join('\n');
}

/** Every command with its roles, for documentation. */
export function commandHelpList(): readonly CommandHelp[] {
  return COMMANDS;
}

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
    text: 'báo cáo thay cho một xã trong phạm vi, kể cả ngày đã qua: /baocao xã 19333 ngày 05/03 sổ 12 quét 1540 nhập 1320 đính kèm 1100',
  },
  { command: '/tiendo', roles: ['reporter'], text: 'xem tiến độ và thứ hạng của xã mình' },
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
    text: 'báo cáo ngày của phạm vi: biểu đồ xếp hạng, tóm tắt và tệp PDF',
  },
  { command: '/bieudo', roles: ['coordinator', 'leader'], text: 'chỉ các biểu đồ tiến độ và xếp hạng' },
  {
    command: '/mau',
    roles: ['coordinator'],
    text: 'các tệp mẫu có lỗi gần đây trong phạm vi; /mau <số> để nhận lại tệp đã lưu, ví dụ /mau 12',
  },
  { command: '/mau', roles: ['leader'], text: 'các tệp mẫu có lỗi gần đây trong phạm vi' },
  { command: '/trogiup', roles: ['reporter', 'coordinator', 'leader'], text: 'xem hướng dẫn này' },
];

/** The help text for a role. */
export function helpText(role: Role, unitName: string): string {
  const lines = COMMANDS.filter((c) => c.roles.includes(role)).map((c) => `${c.command} — ${c.text}`);
  const intro =
    role === 'reporter'
      ? `Bạn báo cáo cho ${unitName}. Trước 17:00 mỗi ngày, hãy gửi số liệu cộng dồn (tổng từ đầu chiến dịch đến nay).`
      : `Phạm vi của bạn: ${unitName}.`;
  return [intro, '', 'Các lệnh:', ...lines].join('\n');
}

/** Every command with its roles, for documentation. */
export function commandHelpList(): readonly CommandHelp[] {
  return COMMANDS;
}

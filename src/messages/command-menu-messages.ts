import type { Role } from '../domain/role.js';

/** Where a command is offered: to members of a role in their private chat, or in group chats. */
export type MenuAudience = Role | 'group';

/** One entry of a command menu: the command without its slash, a short description, its audiences. */
export interface MenuEntry {
  readonly command: string;
  readonly description: string;
  readonly audiences: readonly MenuAudience[];
}

// The order is the menu's order: what a person does most comes first. Descriptions stay short (a phone
// shows one line) and within Telegram's 256 characters.
const ENTRIES: readonly MenuEntry[] = [
  {
    command: 'baocao',
    description: 'Báo cáo số liệu cộng dồn của xã',
    audiences: ['reporter', 'coordinator'],
  },
  {
    command: 'tiendo',
    description: 'Xem tiến độ và thứ hạng',
    audiences: ['reporter', 'coordinator', 'leader', 'group'],
  },
  {
    command: 'xephang',
    description: 'Bảng xếp hạng các xã theo % đã đính kèm',
    audiences: ['reporter', 'coordinator', 'leader', 'group'],
  },
  {
    command: 'lichsu',
    description: 'Số liệu và các lần sửa của xã trong những ngày qua',
    audiences: ['reporter'],
  },
  { command: 'chuabaocao', description: 'Các xã chưa báo cáo hôm nay', audiences: ['coordinator', 'leader'] },
  { command: 'nhacnho', description: 'Gửi tin nhắc tới cán bộ các xã', audiences: ['coordinator'] },
  {
    command: 'baocaongay',
    description: 'Báo cáo ngày: biểu đồ, tóm tắt và tệp PDF (thêm dd/mm cho ngày đã qua)',
    audiences: ['coordinator', 'leader', 'group'],
  },
  {
    command: 'bieudo',
    description: 'Biểu đồ tiến độ và xếp hạng (thêm dd/mm cho ngày đã qua)',
    audiences: ['coordinator', 'leader', 'group'],
  },
  {
    command: 'xuatexcel',
    description: 'Tệp Excel số liệu của phạm vi (thêm dd/mm cho ngày đã qua)',
    audiences: ['coordinator', 'leader'],
  },
  { command: 'mau', description: 'Các tệp mẫu có lỗi gần đây', audiences: ['coordinator', 'leader'] },
  { command: 'dangky', description: 'Đăng ký nhóm nhận báo cáo: /dangky <mã>', audiences: ['group'] },
  {
    command: 'trogiup',
    description: 'Hướng dẫn và các lệnh dùng được',
    audiences: ['reporter', 'coordinator', 'leader', 'group'],
  },
];

/** The menu for an audience, in menu order, as `{command, description}` pairs. */
export function commandMenu(audience: MenuAudience): { command: string; description: string }[] {
  return ENTRIES.filter((e) => e.audiences.includes(audience)).map(({ command, description }) => ({
    command,
    description,
  }));
}

/**
 * What every private chat shows before the bot knows the person's role: a commune reporter's menu (most
 * people are reporters); a member's own chat then gets their role's menu.
 */
export function defaultPrivateMenu(): { command: string; description: string }[] {
  return commandMenu('reporter');
}

/** Every entry, for documentation and tests. */
export function commandMenuEntries(): readonly MenuEntry[] {
  return ENTRIES;
}

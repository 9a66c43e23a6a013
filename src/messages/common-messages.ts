import type { Role } from '../domain/role.js';
import type { RedeemFailure } from '../domain/invite-refusal.js';
import { formatNumber, formatTimeDayMonth } from './vi-format.js';

const ROLE_NAMES: Record<Role, string> = {
  reporter: 'cán bộ báo cáo của xã',
  coordinator: 'cán bộ điều phối',
  leader: 'lãnh đạo',
};

const REFUSALS: Record<RedeemFailure | 'wrong_role', string> = {
  unknown: 'Mã mời không đúng. Hãy kiểm tra lại từng ký tự (mã gồm 10 chữ và số, ví dụ K7QPM-X3RTA).',
  expired: 'Mã mời này đã hết hạn. Hãy xin cán bộ điều phối một mã mới.',
  used_up: 'Mã mời này đã được dùng hết số lần cho phép. Hãy xin cán bộ điều phối một mã mới.',
  revoked: 'Mã mời này đã bị thu hồi. Hãy xin cán bộ điều phối một mã mới.',
  other_campaign:
    'Mã mời này thuộc một chiến dịch khác. Hãy xin cán bộ điều phối một mã của chiến dịch hiện tại.',
  throttled: 'Anh/chị đã nhập sai mã quá nhiều lần. Vui lòng đợi 15 phút rồi thử lại.',
  campaign_throttled:
    'Hệ thống tạm ngừng nhận mã mời vì có quá nhiều lần nhập sai trong giờ này. ' +
    'Anh/chị vui lòng thử lại sau ít phút (đầu giờ tiếp theo) hoặc liên hệ Sở Tư pháp.',
  wrong_role:
    'Mã này dành cho cán bộ báo cáo của xã, không dùng để đăng ký nhóm. Nhóm cần mã của lãnh đạo hoặc cán bộ điều phối.',
};

/** Told to the province's coordinators, once an hour, when wrong invite codes pass the hourly budget. */
export function inviteGuessingAlert(failures: number, hourStart: Date, timeZone: string): string {
  return (
    `⚠️ Từ ${formatTimeDayMonth(hourStart, timeZone)} đến nay đã có ${formatNumber(failures)} lần nhập sai ` +
    'mã mời — có thể có người đang dò mã. ' +
    'Bot tạm ngừng nhận mọi mã mời đến hết giờ này. Anh/chị không cần làm gì nếu không có ai đang chờ tham gia; ' +
    'nếu có, hãy báo họ thử lại vào đầu giờ sau.'
  );
}

/** 'Chào anh/chị Lan!', or 'Chào anh/chị!' when the platform gave no name: officials are never "bạn". */
function greeting(name: string): string {
  const trimmed = name.trim();
  return trimmed ? `Chào anh/chị ${trimmed}!` : 'Chào anh/chị!';
}

/** Vietnamese texts shared by several features. */
export const botMessages = {
  roleName: (role: Role) => ROLE_NAMES[role],
  joinHowTo:
    'Chào anh/chị! Đây là bot điều phối số hóa sổ hộ tịch.\n' +
    'Để tham gia, hãy gửi: /start <mã mời>\n' +
    'Mã mời do Sở Tư pháp hoặc cán bộ điều phối cấp cho từng xã, từng cán bộ.',
  inviteRefused: (reason: RedeemFailure | 'wrong_role') => REFUSALS[reason],
  welcome: (name: string, role: Role, unitName: string, campaignName: string) =>
    `${greeting(name)} Anh/chị đã tham gia chiến dịch "${campaignName}" với vai trò ${ROLE_NAMES[role]} — ${unitName}.`,
  welcomeBack: (name: string, role: Role, unitName: string) =>
    `${greeting(name)} Anh/chị đang là ${ROLE_NAMES[role]} — ${unitName}. Gửi /trogiup để xem các lệnh.`,
  inactive:
    'Tài khoản của anh/chị đang tạm ngừng trong chiến dịch. Hãy gửi /start <mã mời> với mã mới để tham gia lại.',
  notAllowed: 'Anh/chị không có quyền dùng lệnh này.',
  privateOnly: 'Lệnh này chỉ dùng trong tin nhắn riêng với bot.',
  groupOnly:
    'Lệnh /dangky chỉ dùng trong nhóm: hãy thêm bot vào nhóm lãnh đạo rồi gửi /dangky <mã> trong nhóm đó.',
  groupRegistered: (title: string, unitName: string, purpose: 'leadership' | 'coordination') =>
    purpose === 'leadership'
      ? `Đã đăng ký nhóm "${title}" nhận báo cáo tiến độ của ${unitName}. Mỗi tối nhóm sẽ nhận biểu đồ xếp hạng và báo cáo ngày.`
      : `Đã đăng ký nhóm "${title}" là nhóm điều phối của ${unitName}.`,
  groupRegisterUsage: 'Cách đăng ký nhóm: /dangky <mã mời của lãnh đạo hoặc cán bộ điều phối>',
  groupHello:
    'Chào cả nhóm! Để nhóm nhận báo cáo tiến độ hằng ngày, một thành viên hãy gửi /dangky <mã> (mã của lãnh đạo hoặc cán bộ điều phối).',
  unknownCommand: 'Bot chưa hiểu lệnh này. Gửi /trogiup để xem các lệnh dùng được.',
  internalError:
    'Xin lỗi, bot gặp lỗi khi xử lý tin nhắn của anh/chị. Vui lòng gửi lại sau ít phút; nếu vẫn lỗi, hãy báo cán bộ điều phối.',
} as const;

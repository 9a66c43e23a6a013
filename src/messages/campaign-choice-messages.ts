import { formatNumber } from './vi-format.js';

/** A campaign as a person choosing sees it. */
export interface CampaignChoiceItem {
  readonly campaignId: number;
  readonly name: string;
  /** The person's unit in that campaign. */
  readonly unitName: string;
}

/** The data of a "this campaign" choice; `/chondot` reads it back. */
export function campaignChoiceData(campaignId: number): string {
  return `cd:${campaignId}`;
}

/** Matches campaignChoiceData. */
export const CAMPAIGN_CHOICE_PATTERN = /^cd:(\d+)$/;

/** One choice per row: campaign names are long. */
export function campaignChoices(items: readonly CampaignChoiceItem[]): { label: string; data: string }[][] {
  return items.map((item, i) => [
    { label: `${i + 1}. ${item.name}`, data: campaignChoiceData(item.campaignId) },
  ]);
}

function listLines(items: readonly CampaignChoiceItem[], currentId?: number): string[] {
  return items.map(
    (item, i) =>
      `${i + 1}. ${item.name} — ${item.unitName}${item.campaignId === currentId ? '  ◀ đang chọn' : ''}`,
  );
}

/** Words of /chondot and of the question asked when a person in several campaigns writes. */
export const campaignChoiceMessages = {
  /** Asked once, when someone in several campaigns writes before choosing. */
  ask: (items: readonly CampaignChoiceItem[]) =>
    [
      'Anh/chị đang tham gia nhiều chiến dịch. Tin nhắn vừa gửi dành cho chiến dịch nào?',
      ...listLines(items),
      '',
      'Hãy bấm chọn bên dưới (hoặc gửi /chondot <số thứ tự>). Tin nhắn của anh/chị được giữ lại và sẽ được ' +
        'xử lý ngay khi anh/chị chọn; bot ghi nhớ lựa chọn cho các tin nhắn sau.',
    ].join('\n'),
  list: (items: readonly CampaignChoiceItem[], currentId: number | undefined) =>
    [
      'Các chiến dịch anh/chị đang tham gia:',
      ...listLines(items, currentId),
      '',
      items.length > 1
        ? 'Để đổi, hãy bấm chọn bên dưới hoặc gửi /chondot <số thứ tự>.'
        : 'Anh/chị chỉ tham gia một chiến dịch nên không cần chọn.',
    ].join('\n'),
  chosen: (name: string, unitName: string, released: number) =>
    `✅ Từ bây giờ tin nhắn của anh/chị dành cho chiến dịch "${name}" (${unitName}).` +
    (released > 0 ? `\nBot đang xử lý ${formatNumber(released)} tin nhắn anh/chị gửi trước khi chọn.` : '') +
    '\nGửi /chondot để đổi chiến dịch.',
  notMember:
    'Anh/chị không tham gia chiến dịch này (hoặc tài khoản đang tạm ngừng ở đó). Gửi /chondot để xem các chiến dịch của mình.',
  badNumber: (count: number) =>
    `Số thứ tự không đúng: hãy gửi /chondot <số từ 1 đến ${formatNumber(count)}>, hoặc /chondot để xem danh sách.`,
  privateOnly:
    'Lệnh /chondot chỉ dùng trong tin nhắn riêng với bot: mỗi nhóm thuộc chiến dịch mà nhóm đã đăng ký.',
} as const;

import { BUTTON_WORDING, typedCommand, type ChannelWording } from './channel-wording.js';
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

/**
 * One choice per row: campaign names are long. Choice i is campaign i of the list, so the button's
 * number, Zalo's numbered line and `/chondot <i>` all name the same campaign; where the channel numbers
 * the choices itself the label does not repeat the number («1 — Đợt 1», not «1 — 1. Đợt 1»).
 */
export function campaignChoices(
  items: readonly CampaignChoiceItem[],
  wording: ChannelWording = BUTTON_WORDING,
): { label: string; data: string }[][] {
  return items.map((item, i) => [
    {
      label: wording.choices === 'numbers' ? item.name : `${i + 1}. ${item.name}`,
      data: campaignChoiceData(item.campaignId),
    },
  ]);
}

/** `/chondot`, `/chondot <số thứ tự>` as typed on the channel («chọn đợt …» where words are read). */
const chondot = (wording: ChannelWording, args?: string) => {
  const typed = typedCommand(wording, 'chondot', args);
  return wording.commandWords ? `«${typed}»` : typed;
};

function listLines(items: readonly CampaignChoiceItem[], currentId?: number): string[] {
  return items.map(
    (item, i) =>
      `${i + 1}. ${item.name} — ${item.unitName}${item.campaignId === currentId ? '  ◀ đang chọn' : ''}`,
  );
}

/** Words of /chondot and of the question asked when a person in several campaigns writes. */
export const campaignChoiceMessages = {
  /** Asked once, when someone in several campaigns writes before choosing. */
  ask: (items: readonly CampaignChoiceItem[], wording: ChannelWording = BUTTON_WORDING) =>
    [
      'Anh/chị đang tham gia nhiều chiến dịch. Tin nhắn vừa gửi dành cho chiến dịch nào?',
      ...listLines(items),
      '',
      (wording.choices === 'numbers'
        ? `Hãy trả lời bằng số thứ tự của chiến dịch (hoặc gửi ${chondot(wording, '<số thứ tự>')}). `
        : 'Hãy bấm chọn bên dưới (hoặc gửi /chondot <số thứ tự>). ') +
        'Tin nhắn của anh/chị được giữ lại và sẽ được ' +
        'xử lý ngay khi anh/chị chọn; bot ghi nhớ lựa chọn cho các tin nhắn sau.',
    ].join('\n'),
  list: (
    items: readonly CampaignChoiceItem[],
    currentId: number | undefined,
    wording: ChannelWording = BUTTON_WORDING,
  ) =>
    [
      'Các chiến dịch anh/chị đang tham gia:',
      ...listLines(items, currentId),
      '',
      items.length > 1
        ? wording.choices === 'numbers'
          ? `Để đổi, hãy trả lời bằng số thứ tự của chiến dịch, hoặc gửi ${chondot(wording, '<số thứ tự>')}.`
          : 'Để đổi, hãy bấm chọn bên dưới hoặc gửi /chondot <số thứ tự>.'
        : 'Anh/chị chỉ tham gia một chiến dịch nên không cần chọn.',
    ].join('\n'),
  chosen: (name: string, unitName: string, released: number, wording: ChannelWording = BUTTON_WORDING) =>
    `✅ Từ bây giờ tin nhắn của anh/chị dành cho chiến dịch "${name}" (${unitName}).` +
    (released > 0 ? `\nBot đang xử lý ${formatNumber(released)} tin nhắn anh/chị gửi trước khi chọn.` : '') +
    `\nGửi ${chondot(wording)} để đổi chiến dịch.`,
  notMember: (wording: ChannelWording = BUTTON_WORDING) =>
    `Anh/chị không tham gia chiến dịch này (hoặc tài khoản đang tạm ngừng ở đó). Gửi ${chondot(wording)} để xem các chiến dịch của mình.`,
  badNumber: (count: number, wording: ChannelWording = BUTTON_WORDING) =>
    `Số thứ tự không đúng: hãy gửi ${chondot(wording, `<số từ 1 đến ${formatNumber(count)}>`)}, hoặc ${chondot(wording)} để xem danh sách.`,
  privateOnly:
    'Lệnh /chondot chỉ dùng trong tin nhắn riêng với bot: mỗi nhóm thuộc chiến dịch mà nhóm đã đăng ký.',
} as const;

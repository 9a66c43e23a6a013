import type { FakeZaloBot } from '../../test/support/fake-zalo-bot/index.js';
import type { FakeOaState } from '../../test/support/fake-zalo-oa/fake-zalo-oa-state.js';
import { deliverySource, type BotDelivery, type DeliverySource } from './chat-log.js';

/** The demo's chat id of a Zalo chat: people's Zalo ids are their demo ids written out. */
function demoChatId(zaloId: string | undefined): number | undefined {
  const id = Number(zaloId);
  return zaloId !== undefined && zaloId !== '' && Number.isSafeInteger(id) ? id : undefined;
}

/**
 * The name a photo sent by address is saved under: the web side's signed chart addresses
 * (`/m/<kind>.<campaign>.<date>.<unit>.<part>.<expiry>.<signature>.png`) give «<kind>-<part+1>.png».
 */
function nameOfUrl(url: string): string {
  const last = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
  const parts = last.split('.');
  const [kind, , , , part] = parts;
  if (parts.length >= 7 && kind && /^\d+$/.test(part ?? ''))
    return `${kind}-${Number(part) + 1}.${parts.at(-1)}`;
  return last || 'anh.png';
}

/** What the fake Zalo Bot received: texts, and photos with the bytes it fetched from their addresses. */
export function zaloBotDeliveries(fake: FakeZaloBot): DeliverySource {
  return deliverySource(
    () => fake.sent,
    (sent): BotDelivery[] => {
      const chatId = demoChatId(sent.chat_id);
      if (chatId === undefined) return [];
      if (sent.method === 'sendMessage') return [{ chatId, kind: 'text', text: sent.text }];
      const file = { fileName: nameOfUrl(sent.photo), bytes: sent.bytes, size: sent.bytes.length };
      return [{ chatId, kind: 'photo', text: sent.caption ?? '', file }];
    },
  );
}

/** The id of an uploaded image or file a message carries (`attachment_id`, or a file's `token`). */
function attachmentOf(message: Record<string, unknown>): { image?: string; file?: string } {
  const attachment = message.attachment as { type?: string; payload?: Record<string, unknown> } | undefined;
  const payload = attachment?.payload;
  if (!payload) return {};
  if (attachment.type === 'file' && typeof payload.token === 'string') return { file: payload.token };
  if (typeof payload.attachment_id === 'string') return { image: payload.attachment_id };
  const elements = payload.elements as { attachment_id?: unknown }[] | undefined;
  const id = elements?.find((e) => typeof e.attachment_id === 'string')?.attachment_id;
  return typeof id === 'string' ? { image: id } : {};
}

/**
 * What the fake OA accepted in people's private chats (sends it refused are not deliveries; the demo
 * plays no OA-managed group): texts, chart images and documents with the bytes uploaded before them.
 */
export function zaloOaDeliveries(state: FakeOaState): DeliverySource {
  return deliverySource(
    () => state.sent,
    (sent): BotDelivery[] => {
      const chatId = sent.messageId === '' ? undefined : demoChatId(sent.to.userId);
      if (chatId === undefined) return [];
      const { message } = sent;
      const text = typeof message.text === 'string' ? message.text : '';
      const { image, file } = attachmentOf(message);
      const uploaded = image
        ? state.uploadedImages.get(image)
        : file
          ? state.uploadedFiles.get(file)
          : undefined;
      if (!uploaded) return [{ chatId, kind: 'text', text }];
      return [
        {
          chatId,
          kind: image ? 'photo' : 'document',
          text,
          file: { fileName: uploaded.name, bytes: uploaded.bytes, size: uploaded.bytes.length },
        },
      ];
    },
  );
}

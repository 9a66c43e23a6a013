import type { FakeBotApi, RecordedCall, UploadedFile } from '../../test/support/fake-telegram/index.js';
import { deliverySource, type BotDelivery, type DeliverySource } from './chat-log.js';

/** The labels of an inline keyboard as sent (`reply_markup.inline_keyboard`). */
function buttonLabels(markup: unknown): string[][] | undefined {
  const rows = (markup as { inline_keyboard?: { text?: unknown }[][] } | undefined)?.inline_keyboard;
  if (!Array.isArray(rows) || rows.length === 0) return undefined;
  return rows.map((row) => row.map((button) => String(button.text ?? '')));
}

const FILE_METHODS: Record<string, 'photo' | 'document'> = { sendPhoto: 'photo', sendDocument: 'document' };

/** The uploaded photos and documents of an album (`sendMediaGroup`), in order, with their captions. */
function albumItems(call: RecordedCall): { kind: 'photo' | 'document'; text: string; file: UploadedFile }[] {
  const media = call.params.media;
  if (!Array.isArray(media)) return [];
  return media.flatMap((item: { type?: unknown; media?: unknown; caption?: unknown }) => {
    const name = typeof item.media === 'string' ? item.media.replace(/^attach:\/\//, '') : '';
    const file = call.files.find((f) => f.field === name);
    const kind = item.type === 'photo' ? 'photo' : item.type === 'document' ? 'document' : undefined;
    return file && kind ? [{ kind, text: typeof item.caption === 'string' ? item.caption : '', file }] : [];
  });
}

/** What one successful call delivered. */
function deliveriesOf(call: RecordedCall): BotDelivery[] {
  if (!call.ok || typeof call.chatId !== 'number') return [];
  const chatId = call.chatId;
  if (call.method === 'sendMessage' || call.method === 'editMessageText') {
    const buttons = buttonLabels(call.replyMarkup ?? call.params.reply_markup);
    const kind = call.method === 'sendMessage' ? 'text' : 'edit';
    return [{ chatId, kind, text: call.text ?? '', ...(buttons ? { buttons } : {}) }];
  }
  if (call.method === 'sendMediaGroup')
    return albumItems(call).map((item) => ({ chatId, kind: item.kind, text: item.text, file: item.file }));
  const kind = FILE_METHODS[call.method];
  const file = call.files[0];
  return kind && file ? [{ chatId, kind, text: call.text ?? '', file }] : [];
}

/** What the fake Telegram received, call by call. */
export function telegramDeliveries(api: FakeBotApi): DeliverySource {
  return deliverySource(() => api.sent, deliveriesOf);
}

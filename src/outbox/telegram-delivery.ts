import type { Telegram } from 'telegraf';
import type { OutboxRow } from '../db/messaging.table.js';

interface TextPayload {
  text: string;
  reply_markup?: unknown;
}
interface EditPayload extends TextPayload {
  message_id: number;
}
interface FilePayload {
  fileName: string;
  caption?: string;
}

/** Performs one outbox row's API call; returns what Telegram answered (kept as the row's result). */
export async function deliverToTelegram(telegram: Telegram, row: OutboxRow): Promise<unknown> {
  const chatId = row.chat_id;
  switch (row.kind) {
    case 'text': {
      const p = row.payload as TextPayload;
      const sent = await telegram.sendMessage(chatId, p.text, {
        reply_markup: p.reply_markup as never,
        link_preview_options: { is_disabled: true },
      });
      return { message_id: sent.message_id };
    }
    case 'edit': {
      const p = row.payload as EditPayload;
      try {
        await telegram.editMessageText(chatId, p.message_id, undefined, p.text, {
          reply_markup: p.reply_markup as never,
        });
      } catch (error) {
        // Editing to the same text is Telegram's 400 but means the chat already shows what we want.
        if (!String((error as Error).message).includes('message is not modified')) throw error;
      }
      return { message_id: p.message_id };
    }
    case 'document':
    case 'photo': {
      const p = row.payload as FilePayload;
      if (!row.attachment) throw new Error(`outbox row ${row.id} has no attachment`);
      const file = { source: row.attachment, filename: p.fileName };
      const sent =
        row.kind === 'photo'
          ? await telegram.sendPhoto(chatId, file, { caption: p.caption })
          : await telegram.sendDocument(chatId, file, { caption: p.caption });
      return { message_id: sent.message_id };
    }
  }
}

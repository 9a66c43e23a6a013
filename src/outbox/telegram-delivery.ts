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

/**
 * Performs one outbox row's API call; returns what Telegram answered (kept as the row's result).
 * `signal` bounds the call: telegraf's own timeout is minutes, longer than the sender's lease.
 */
export async function deliverToTelegram(
  telegram: Telegram,
  row: OutboxRow,
  signal?: AbortSignal,
): Promise<unknown> {
  const chat_id = row.chat_id;
  // telegraf types the signal as the abort-controller polyfill's; node-fetch accepts the native one.
  const call = { signal: signal as never };
  switch (row.kind) {
    case 'text': {
      const p = row.payload as TextPayload;
      const sent = await telegram.callApi(
        'sendMessage',
        {
          chat_id,
          text: p.text,
          reply_markup: p.reply_markup as never,
          link_preview_options: { is_disabled: true },
        },
        call,
      );
      return { message_id: sent.message_id };
    }
    case 'edit': {
      const p = row.payload as EditPayload;
      try {
        await telegram.callApi(
          'editMessageText',
          { chat_id, message_id: p.message_id, text: p.text, reply_markup: p.reply_markup as never },
          call,
        );
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
          ? await telegram.callApi('sendPhoto', { chat_id, photo: file, caption: p.caption }, call)
          : await telegram.callApi('sendDocument', { chat_id, document: file, caption: p.caption }, call);
      return { message_id: sent.message_id };
    }
  }
}

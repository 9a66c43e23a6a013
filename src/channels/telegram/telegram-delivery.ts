import type { Telegram } from 'telegraf';
import type { OutboxRow } from '../../db/outbox.table.js';
import {
  albumImages,
  type AlbumPayload,
  type EditPayload,
  type FilePayload,
  type MenuPayload,
  type OutboxChoice,
  type TextPayload,
} from '../../outbox/outbox-payload.js';
import { sendTelegramAlbum } from './telegram-album.js';
import { setChatCommands } from './telegram-commands.js';
import { fitTelegramCaption, splitTelegramText } from './telegram-text.js';

function inlineKeyboard(choices: TextPayload['choices']) {
  if (!choices || choices.length === 0) return undefined;
  return {
    inline_keyboard: choices.map((row: readonly OutboxChoice[]) =>
      row.map((c) => ({ text: c.label, callback_data: c.data })),
    ),
  };
}

/**
 * Performs one outbox row's Bot API calls; returns what Telegram answered (kept as the row's result:
 * the id of the message a later edit refers to). A text over 4,096 characters goes as several messages,
 * the choices on the last one. `signal` bounds the call: telegraf's own timeout is minutes.
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
      const parts = splitTelegramText(p.text);
      let messageId = 0;
      for (const [index, text] of parts.entries()) {
        const last = index === parts.length - 1;
        const sent = await telegram.callApi(
          'sendMessage',
          {
            chat_id,
            text,
            reply_markup: last ? inlineKeyboard(p.choices) : undefined,
            link_preview_options: { is_disabled: true },
          },
          call,
        );
        messageId = sent.message_id;
      }
      return { message_id: messageId };
    }
    case 'edit': {
      const p = row.payload as EditPayload;
      if (p.message_id === undefined) throw new Error(`outbox row ${row.id} edits no message`);
      // An edit cannot become two messages: keep what fits (the full text was shown when it was sent).
      const [text = ''] = splitTelegramText(p.text);
      try {
        await telegram.callApi(
          'editMessageText',
          { chat_id, message_id: p.message_id, text, reply_markup: inlineKeyboard(p.choices) },
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
      const caption = fitTelegramCaption(p.caption);
      const sent =
        row.kind === 'photo'
          ? await telegram.callApi('sendPhoto', { chat_id, photo: file, caption }, call)
          : await telegram.callApi('sendDocument', { chat_id, document: file, caption }, call);
      return { message_id: sent.message_id };
    }
    case 'album': {
      const p = row.payload as AlbumPayload;
      if (!row.attachment) throw new Error(`outbox row ${row.id} has no attachment`);
      return sendTelegramAlbum(telegram, chat_id, albumImages(p, row.attachment), p.caption, call);
    }
    case 'menu':
      await setChatCommands(telegram, chat_id, (row.payload as MenuPayload).commands, call);
      return { menu: true };
  }
}

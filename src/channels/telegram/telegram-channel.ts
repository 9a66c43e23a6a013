import { Telegram } from 'telegraf';
import type { Update, UserFromGetMe } from 'telegraf/types';
import type { Channel } from '../channel.js';
import { deliverToTelegram } from './telegram-delivery.js';
import { TELEGRAM_DOWNLOAD_LIMIT, downloadTelegramFile } from './telegram-download.js';
import { classifyTelegramError } from './telegram-errors.js';
import { TELEGRAM_CAPTION_LIMIT, TELEGRAM_TEXT_LIMIT } from './telegram-text.js';
import { telegramChatIdOf, telegramUpdateToChatMessage } from './telegram-update.js';

/** The Telegram channel: the Bot API client plus the Channel interface over it. */
export interface TelegramChannel extends Channel {
  readonly platform: 'telegram';
  /** The Bot API client (intake, command menus); only code under src/channels/telegram uses it. */
  readonly telegram: Telegram;
  /** Who the bot is (getMe): known before updates are handled, to tell our commands from others'. */
  botInfo: UserFromGetMe | undefined;
}

/** Builds the Telegram channel; `botInfo` is fetched with getMe at start when not given (tests give it). */
export function createTelegramChannel(options: {
  token: string;
  apiRoot: string;
  botInfo?: UserFromGetMe;
}): TelegramChannel {
  const telegram = new Telegram(options.token, { apiRoot: options.apiRoot, webhookReply: false });
  const channel: TelegramChannel = {
    platform: 'telegram',
    telegram,
    botInfo: options.botInfo,
    limits: {
      textLength: TELEGRAM_TEXT_LIMIT,
      captionLength: TELEGRAM_CAPTION_LIMIT,
      downloadBytes: TELEGRAM_DOWNLOAD_LIMIT,
    },
    toChatMessage: (update) => telegramUpdateToChatMessage(update as Update, channel.botInfo?.username),
    // Telegram gives people positive chat ids and groups negative ones.
    chatKindOf: (chatId) => (/^\d+$/.test(chatId) ? 'private' : 'group'),
    chatIdOf: (update) => telegramChatIdOf(update as Update),
    download: (ref, maxBytes) => downloadTelegramFile(telegram, ref, maxBytes),
    deliver: (row, signal) => deliverToTelegram(telegram, row, signal),
    classifyError: classifyTelegramError,
    acknowledge: async (update) => {
      const u = update as Update;
      if (!('callback_query' in u)) return;
      // Only stops the button's spinner; losing it costs nothing, so it is not worth an outbox row.
      await telegram.answerCbQuery(u.callback_query.id).catch(() => undefined);
    },
  };
  return channel;
}

import { splitText } from '../text-split.js';

/** Telegram's limit for a text message, in UTF-16 code units (what String#length counts). */
export const TELEGRAM_TEXT_LIMIT = 4096;
/** Telegram's limit for a photo or document caption. */
export const TELEGRAM_CAPTION_LIMIT = 1024;

/**
 * Splits a text into parts Telegram accepts (it answers 400 to an over-long text).
 */
export function splitTelegramText(text: string, limit = TELEGRAM_TEXT_LIMIT): string[] {
  return splitText(text, limit);
}

/** A caption cut to Telegram's limit, with an ellipsis when cut. */
export function fitTelegramCaption(caption: string | undefined): string | undefined {
  if (caption === undefined || caption.length <= TELEGRAM_CAPTION_LIMIT) return caption;
  return `${caption.slice(0, TELEGRAM_CAPTION_LIMIT - 1)}…`;
}

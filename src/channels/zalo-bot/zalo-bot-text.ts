import { splitText } from '../text-split.js';

/** Zalo's limit for a text message and a photo caption (2,000; counted in UTF-16 units to be safe). */
export const ZALO_BOT_TEXT_LIMIT = 2000;

/** Splits a text into parts Zalo accepts (see splitText). */
export function splitZaloText(text: string, limit = ZALO_BOT_TEXT_LIMIT): string[] {
  // Zalo refuses an empty text: an empty reply becomes nothing rather than an error forever.
  return splitText(text, limit).filter((p) => p.trim().length > 0);
}

import { splitText } from '../text-split.js';

/** Zalo's longest text message (counted in UTF-16 units, the safe reading). */
export const ZALO_OA_TEXT_LIMIT = 2000;

/** Splits a text into messages Zalo accepts, so that a long list reaches the person whole and in order. */
export function splitZaloOaText(text: string, limit = ZALO_OA_TEXT_LIMIT): string[] {
  return splitText(text, limit);
}

/** Telegram's limit for a text message, in UTF-16 code units (what String#length counts). */
export const TELEGRAM_TEXT_LIMIT = 4096;
/** Telegram's limit for a photo or document caption. */
export const TELEGRAM_CAPTION_LIMIT = 1024;

/**
 * Splits a text into parts Telegram accepts: at line breaks where possible, else at spaces, else hard.
 * A reply is never lost for being long (Telegram answers 400 to an over-long text).
 */
export function splitTelegramText(text: string, limit = TELEGRAM_TEXT_LIMIT): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    let cut = rest.lastIndexOf('\n', limit);
    if (cut < limit / 2) cut = rest.lastIndexOf(' ', limit);
    if (cut < limit / 2) cut = limit;
    // Never cut a surrogate pair (an emoji) in half.
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^[\n ]/, '');
  }
  parts.push(rest);
  return parts.filter((p, i) => p.length > 0 || i === 0);
}

/** A caption cut to Telegram's limit, with an ellipsis when cut. */
export function fitTelegramCaption(caption: string | undefined): string | undefined {
  if (caption === undefined || caption.length <= TELEGRAM_CAPTION_LIMIT) return caption;
  return `${caption.slice(0, TELEGRAM_CAPTION_LIMIT - 1)}…`;
}

/** Zalo's limit for a text message and a photo caption (2,000; counted in UTF-16 units to be safe). */
export const ZALO_BOT_TEXT_LIMIT = 2000;

/**
 * Splits a text into parts Zalo accepts: at line breaks where possible, else at spaces, else hard, never
 * inside a surrogate pair. A reply is never lost for being long.
 */
export function splitZaloText(text: string, limit = ZALO_BOT_TEXT_LIMIT): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    let cut = rest.lastIndexOf('\n', limit);
    if (cut < limit / 2) cut = rest.lastIndexOf(' ', limit);
    if (cut < limit / 2) cut = limit;
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^[\n ]/, '');
  }
  parts.push(rest);
  // Zalo refuses an empty text: an empty reply becomes nothing rather than an error forever.
  return parts.filter((p) => p.trim().length > 0);
}

/** Zalo's longest text message (counted in UTF-16 units, the safe reading). */
export const ZALO_OA_TEXT_LIMIT = 2000;

/**
 * Splits a text into messages of at most `limit` characters, at line breaks where possible (then at a
 * space, then anywhere), so that a long list reaches the person whole and in order.
 */
export function splitZaloOaText(text: string, limit = ZALO_OA_TEXT_LIMIT): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const window = rest.slice(0, limit + 1);
    let cut = window.lastIndexOf('\n');
    if (cut <= 0) cut = window.lastIndexOf(' ');
    if (cut <= 0) cut = limit;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^[\n ]/, '');
  }
  if (rest.length > 0 || parts.length === 0) parts.push(rest);
  return parts;
}

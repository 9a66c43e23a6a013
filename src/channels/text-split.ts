/**
 * Splits a text into parts of at most `limit` UTF-16 units (what String#length counts): at line breaks
 * where possible, else at spaces, else hard, never inside a surrogate pair (an emoji). Every platform
 * refuses an over-long text, and a reply must never be lost for being long. An empty text stays one
 * empty part; channels that refuse empty texts drop it themselves.
 */
export function splitText(text: string, limit: number): string[] {
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
  return parts.filter((p, i) => p.length > 0 || i === 0);
}

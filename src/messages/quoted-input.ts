/** How much of what a person typed a reply quotes back; the rest is cut with an ellipsis. */
export const QUOTE_LIMIT = 40;

/**
 * Text a person typed, shortened for quoting in a reply: a reply must never grow with its input (a
 * 5,000-character token once made a reply Telegram refused). Counted in code points, so an emoji or a
 * Vietnamese letter is never cut in half.
 */
export function quoted(text: string, limit = QUOTE_LIMIT): string {
  const chars = [...text];
  return chars.length <= limit ? text : `${chars.slice(0, limit - 1).join('')}…`;
}

import { describe, expect, it } from 'vitest';
import { BotApiError } from '../support/fake-telegram/index.js';
import { parseFormattedText } from '../support/fake-telegram/formatted-text.js';

function parseError(source: string, mode: string): string {
  try {
    parseFormattedText(source, mode, undefined);
  } catch (error) {
    if (error instanceof BotApiError) return error.description;
    throw error;
  }
  throw new Error('expected a parse error');
}

describe('parse_mode handling', () => {
  it('strips HTML into entities with UTF-16 offsets', () => {
    expect(
      parseFormattedText(
        '<b>Xã Gio Linh</b> &lt;90%&gt; <a href="https://x.vn/?a=1&amp;b=2">xem</a> 😀<i>x</i>',
        'HTML',
        undefined,
      ),
    ).toEqual({
      text: 'Xã Gio Linh <90%> xem 😀x',
      entities: [
        { type: 'bold', offset: 0, length: 11 },
        { type: 'text_link', offset: 18, length: 3, url: 'https://x.vn/?a=1&b=2' },
        { type: 'italic', offset: 24, length: 1 },
      ],
    });
    expect(
      parseFormattedText('<pre><code class="language-ts">x</code></pre> a & b', 'HTML', undefined),
    ).toEqual({
      text: 'x a & b',
      entities: [{ type: 'pre', offset: 0, length: 1, language: 'ts' }],
    });
  });

  it('fails on unescaped user text in HTML, as Telegram does', () => {
    expect(parseError('Tiến độ <50% ở Vĩnh Linh', 'HTML')).toMatch(
      /^Bad Request: can't parse entities: Unsupported start tag "50%" at byte offset 13$/,
    );
    expect(parseError('<b>đậm', 'HTML')).toBe(
      'Bad Request: can\'t parse entities: Can\'t find end tag corresponding to start tag "b" at byte offset 0',
    );
    expect(parseError('<b>x</i>', 'HTML')).toMatch(/Unmatched end tag/);
    expect(parseError('<span>x</span>', 'HTML')).toMatch(/must have class "tg-spoiler"/);
  });

  it('parses MarkdownV2 and insists on escaping reserved characters', () => {
    expect(
      parseFormattedText(
        '*Hạng 1:* Cam Lộ \\- 98\\.5% __mới__ [xem](https://x.vn/a\\)b) `a\\`b`',
        'MarkdownV2',
        undefined,
      ),
    ).toEqual({
      text: 'Hạng 1: Cam Lộ - 98.5% mới xem a`b',
      entities: [
        { type: 'bold', offset: 0, length: 7 },
        { type: 'underline', offset: 23, length: 3 },
        { type: 'text_link', offset: 27, length: 3, url: 'https://x.vn/a)b' },
        { type: 'code', offset: 31, length: 3 },
      ],
    });
    expect(parseError('Tiến độ 98.5%', 'MarkdownV2')).toBe(
      "Bad Request: can't parse entities: Character '.' is reserved and must be escaped with the preceding '\\'",
    );
    expect(parseError('*đậm', 'MarkdownV2')).toBe(
      "Bad Request: can't parse entities: Can't find end of Bold entity at byte offset 0",
    );
    expect(parseFormattedText('___a_ b__', 'MarkdownV2', undefined).entities).toEqual([
      { type: 'underline', offset: 0, length: 3 },
      { type: 'italic', offset: 0, length: 1 },
    ]);
  });

  it('parses legacy Markdown and passes explicit entities through without a parse mode', () => {
    expect(parseFormattedText('*a* _b_ `c` [d](http://e)', 'Markdown', undefined)).toEqual({
      text: 'a b c d',
      entities: [
        { type: 'bold', offset: 0, length: 1 },
        { type: 'italic', offset: 2, length: 1 },
        { type: 'code', offset: 4, length: 1 },
        { type: 'text_link', offset: 6, length: 1, url: 'http://e' },
      ],
    });
    expect(parseError('snake_case', 'Markdown')).toMatch(
      /Can't find end of the entity starting at byte offset 5/,
    );
    const entities = [{ type: 'bold', offset: 0, length: 1 }];
    expect(parseFormattedText('<x>', undefined, entities)).toEqual({ text: '<x>', entities });
  });
});

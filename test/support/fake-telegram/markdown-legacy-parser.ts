import type { MessageEntity } from 'telegraf/types';
import { entityParseError, sortEntities, type FormattedText } from './text-entity-helpers.js';

const MARKERS: Readonly<Record<string, 'bold' | 'italic' | 'code'>> = {
  '*': 'bold',
  _: 'italic',
  '`': 'code',
};

/** Telegram's legacy Markdown: *bold*, _italic_, `code`, ```pre```, [text](url); no nesting. */
export function parseMarkdownLegacyText(source: string): FormattedText {
  let text = '';
  const entities: MessageEntity[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i] ?? '';
    if (c === '\\' && '_*`['.includes(source[i + 1] ?? ' ')) {
      text += source[i + 1];
      i += 2;
      continue;
    }
    if (source.startsWith('```', i)) {
      const end = source.indexOf('```', i + 3);
      if (end < 0) throw entityParseError("Can't find end of the entity starting", source, i);
      let content = source.slice(i + 3, end);
      const newline = content.indexOf('\n');
      const language = newline > 0 ? content.slice(0, newline).trim() : '';
      if (newline >= 0) content = content.slice(newline + 1);
      entities.push(
        language === ''
          ? { type: 'pre', offset: text.length, length: content.length }
          : { type: 'pre', offset: text.length, length: content.length, language },
      );
      text += content;
      i = end + 3;
      continue;
    }
    const type = MARKERS[c];
    if (type !== undefined) {
      const end = source.indexOf(c, i + 1);
      if (end < 0) throw entityParseError("Can't find end of the entity starting", source, i);
      const content = source.slice(i + 1, end);
      entities.push({ type, offset: text.length, length: content.length });
      text += content;
      i = end + 1;
      continue;
    }
    if (c === '[') {
      const close = source.indexOf('](', i + 1);
      const end = close < 0 ? -1 : source.indexOf(')', close + 2);
      if (close < 0 || end < 0) throw entityParseError("Can't find end of the entity starting", source, i);
      const label = source.slice(i + 1, close);
      entities.push({
        type: 'text_link',
        offset: text.length,
        length: label.length,
        url: source.slice(close + 2, end),
      });
      text += label;
      i = end + 1;
      continue;
    }
    text += c;
    i += 1;
  }
  return { text, entities: sortEntities(entities) };
}

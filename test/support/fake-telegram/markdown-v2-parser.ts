import type { MessageEntity } from 'telegraf/types';
import { entityParseError, sortEntities, type FormattedText } from './text-entity-helpers.js';

type ToggleType = 'bold' | 'italic' | 'underline' | 'strikethrough' | 'spoiler';

const NAMES: Readonly<Record<ToggleType | 'text_link', string>> = {
  bold: 'Bold',
  italic: 'Italic',
  underline: 'Underline',
  strikethrough: 'Strikethrough',
  spoiler: 'Spoiler',
  text_link: 'TextUrl',
};

const RESERVED = new Set('_*[]()~`>#+-=|{}.!'.split(''));

interface Open {
  readonly type: ToggleType | 'text_link';
  readonly start: number;
  readonly sourceIndex: number;
}

/**
 * Telegram's MarkdownV2: every reserved character outside an entity marker must be escaped with
 * `\`; an unescaped `.` or `-` in a message is the classic production failure this reproduces.
 */
export function parseMarkdownV2Text(source: string): FormattedText {
  let text = '';
  const entities: MessageEntity[] = [];
  const stack: Open[] = [];
  let quoteStart: number | undefined;
  let i = 0;
  const toggle = (type: ToggleType, width: number): void => {
    const top = stack[stack.length - 1];
    if (top?.type === type) {
      stack.pop();
      entities.push({ type, offset: top.start, length: text.length - top.start });
    } else if (stack.some((open) => open.type === type)) {
      throw entityParseError(
        `Can't find end of ${NAMES[top?.type ?? type]} entity`,
        source,
        top?.sourceIndex ?? i,
      );
    } else {
      stack.push({ type, start: text.length, sourceIndex: i });
    }
    i += width;
  };
  while (i < source.length) {
    const c = source[i] ?? '';
    const atLineStart = i === 0 || source[i - 1] === '\n';
    if (c === '\\') {
      const next = source[i + 1];
      if (next === undefined)
        throw entityParseError(
          "Character '\\' is reserved and must be escaped with the preceding '\\'",
          source,
          i,
        );
      text += next;
      i += 2;
    } else if (c === '>' && atLineStart) {
      quoteStart ??= text.length;
      i += 1;
    } else if (c === '\n') {
      if (quoteStart !== undefined && source[i + 1] !== '>') {
        entities.push({ type: 'blockquote', offset: quoteStart, length: text.length - quoteStart });
        quoteStart = undefined;
      }
      text += c;
      i += 1;
    } else if (c === '*') toggle('bold', 1);
    else if (c === '~') toggle('strikethrough', 1);
    else if (c === '|' && source[i + 1] === '|') toggle('spoiler', 2);
    else if (c === '_') {
      // "___" closes underline then italic: prefer closing an innermost italic with a single "_".
      const top = stack[stack.length - 1];
      if (source[i + 1] === '_' && top?.type !== 'italic') toggle('underline', 2);
      else toggle('italic', 1);
    } else if (c === '`') {
      i = readCode(source, i, text.length, entities, (content) => (text += content));
    } else if (c === '[') {
      stack.push({ type: 'text_link', start: text.length, sourceIndex: i });
      i += 1;
    } else if (c === ']' && stack[stack.length - 1]?.type === 'text_link' && source[i + 1] === '(') {
      const open = stack.pop() as Open;
      const { url, end } = readUntil(source, i + 2, ')', 'TextUrl', open.sourceIndex);
      entities.push({ type: 'text_link', offset: open.start, length: text.length - open.start, url });
      i = end + 1;
    } else if (RESERVED.has(c)) {
      throw entityParseError(`Character '${c}' is reserved and must be escaped with the preceding '\\'`);
    } else {
      text += c;
      i += 1;
    }
  }
  const unclosed = stack.pop();
  if (unclosed !== undefined)
    throw entityParseError(`Can't find end of ${NAMES[unclosed.type]} entity`, source, unclosed.sourceIndex);
  if (quoteStart !== undefined)
    entities.push({ type: 'blockquote', offset: quoteStart, length: text.length - quoteStart });
  return { text, entities: sortEntities(entities) };
}

/** `code` or ```lang\npre```; inside, only "`" and "\" are escaped. Returns the index after it. */
function readCode(
  source: string,
  i: number,
  offset: number,
  entities: MessageEntity[],
  append: (s: string) => void,
): number {
  const isPre = source.startsWith('```', i);
  const name = isPre ? 'Pre' : 'Code';
  const { url: raw, end } = readUntil(source, i + (isPre ? 3 : 1), isPre ? '```' : '`', name, i);
  let content = raw;
  let language: string | undefined;
  if (isPre) {
    const newline = raw.indexOf('\n');
    if (newline >= 0) {
      const first = raw.slice(0, newline).trim();
      language = first === '' ? undefined : first;
      content = raw.slice(newline + 1);
    }
  }
  append(content);
  const length = content.length;
  if (!isPre) entities.push({ type: 'code', offset, length });
  else
    entities.push(
      language === undefined ? { type: 'pre', offset, length } : { type: 'pre', offset, length, language },
    );
  return end + (isPre ? 3 : 1);
}

/** Read escaped content up to an unescaped terminator; fails like Telegram when there is none. */
function readUntil(
  source: string,
  from: number,
  terminator: string,
  name: string,
  startIndex: number,
): { url: string; end: number } {
  let content = '';
  let i = from;
  while (i < source.length) {
    if (source[i] === '\\' && i + 1 < source.length) {
      content += source[i + 1];
      i += 2;
    } else if (source.startsWith(terminator, i)) {
      return { url: content, end: i };
    } else {
      content += source[i];
      i += 1;
    }
  }
  throw entityParseError(`Can't find end of ${name} entity`, source, startIndex);
}

import type { MessageEntity } from 'telegraf/types';
import { entityParseError, sortEntities, type FormattedText } from './text-entity-helpers.js';

const SIMPLE_TAGS: Readonly<Record<string, MessageEntity.CommonMessageEntity['type']>> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  u: 'underline',
  ins: 'underline',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  'tg-spoiler': 'spoiler',
  blockquote: 'blockquote',
};

const OTHER_TAGS = new Set(['a', 'span', 'tg-emoji', 'code', 'pre']);

interface OpenTag {
  readonly name: string;
  readonly start: number;
  readonly attributes: ReadonlyMap<string, string>;
  readonly sourceIndex: number;
}

const START_TAG =
  /^<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z_:-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*>/;
const END_TAG = /^<\/([a-zA-Z][a-zA-Z0-9-]*)\s*>/;
const ATTRIBUTE = /([a-zA-Z_:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;
const NAMED_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"' };

/** Telegram's HTML parse mode: the supported tags only, `<` must start one, four named entities. */
export function parseHtmlText(source: string): FormattedText {
  let text = '';
  const entities: MessageEntity[] = [];
  const stack: OpenTag[] = [];
  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i);
    if (rest.startsWith('</')) {
      const match = END_TAG.exec(rest);
      const open = stack.pop();
      if (match === null || open === undefined || match[1]?.toLowerCase() !== open.name) {
        const found = match?.[1] ?? rest.slice(0, 10);
        const expected = open === undefined ? '' : `, expected "</${open.name}>"`;
        throw entityParseError(`Unmatched end tag "${found}"${expected}`, source, i);
      }
      const entity = toEntity(open, text.length - open.start, stack);
      if (entity !== undefined) entities.push(entity);
      i += match[0].length;
    } else if (rest.startsWith('<')) {
      const match = START_TAG.exec(rest);
      const name = match?.[1]?.toLowerCase();
      if (match === null || name === undefined) {
        throw entityParseError(
          `Unsupported start tag "${rest.slice(1, 10).split(/[\s>]/)[0] ?? ''}"`,
          source,
          i,
        );
      }
      const attributes = parseAttributes(match[2] ?? '');
      if (!(name in SIMPLE_TAGS) && !OTHER_TAGS.has(name)) {
        throw entityParseError(`Unsupported start tag "${name}"`, source, i);
      }
      if (name === 'span' && attributes.get('class') !== 'tg-spoiler') {
        throw entityParseError('Tag "span" must have class "tg-spoiler"', source, i);
      }
      stack.push({ name, start: text.length, attributes, sourceIndex: i });
      i += match[0].length;
    } else if (rest.startsWith('&')) {
      const match = /^&(lt|gt|amp|quot|#\d{1,7}|#x[0-9a-fA-F]{1,6});/.exec(rest);
      const decoded = match === null ? undefined : decodeEntity(match[1] ?? '');
      text += decoded ?? '&'; // a lone "&" is kept as text, as Telegram does
      i += decoded === undefined || match === null ? 1 : match[0].length;
    } else {
      text += source[i];
      i += 1;
    }
  }
  const unclosed = stack.pop();
  if (unclosed !== undefined) {
    throw entityParseError(
      `Can't find end tag corresponding to start tag "${unclosed.name}"`,
      source,
      unclosed.sourceIndex,
    );
  }
  return { text, entities: sortEntities(entities) };
}

function toEntity(open: OpenTag, length: number, outer: readonly OpenTag[]): MessageEntity | undefined {
  const offset = open.start;
  switch (open.name) {
    case 'a': {
      const href = open.attributes.get('href');
      return href === undefined || href === '' ? undefined : { type: 'text_link', offset, length, url: href };
    }
    case 'span':
      return { type: 'spoiler', offset, length };
    case 'tg-emoji':
      return { type: 'custom_emoji', offset, length, custom_emoji_id: open.attributes.get('emoji-id') ?? '' };
    case 'code': {
      // <pre><code class="language-x"> is one pre entity with a language, not two entities.
      const parent = outer[outer.length - 1];
      const language = /^language-(.+)$/.exec(open.attributes.get('class') ?? '')?.[1];
      if (parent?.name === 'pre' && language !== undefined) {
        parentLanguages.set(parent, language);
        return undefined;
      }
      return { type: 'code', offset, length };
    }
    case 'pre': {
      const language = parentLanguages.get(open);
      return language === undefined
        ? { type: 'pre', offset, length }
        : { type: 'pre', offset, length, language };
    }
    default: {
      const type = SIMPLE_TAGS[open.name];
      return type === undefined ? undefined : { type, offset, length };
    }
  }
}

// Weak so a parse's bookkeeping disappears with its stack entries.
const parentLanguages = new WeakMap<OpenTag, string>();

function parseAttributes(raw: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of raw.matchAll(ATTRIBUTE)) {
    const name = match[1]?.toLowerCase();
    if (name !== undefined) attributes.set(name, decodeAttribute(match[2] ?? match[3] ?? match[4] ?? ''));
  }
  return attributes;
}

function decodeAttribute(value: string): string {
  return value.replace(
    /&(lt|gt|amp|quot|#\d{1,7}|#x[0-9a-fA-F]{1,6});/g,
    (whole, body: string) => decodeEntity(body) ?? whole,
  );
}

function decodeEntity(body: string): string | undefined {
  const named = NAMED_ENTITIES[body];
  if (named !== undefined) return named;
  const code = body.startsWith('#x') ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
  return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

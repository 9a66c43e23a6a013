import type { MessageEntity } from 'telegraf/types';
import { badRequest, type BotApiError } from './bot-api-error.js';

/** Text as a user sees it, with the entities Telegram derived from the markup. */
export interface FormattedText {
  readonly text: string;
  readonly entities: MessageEntity[];
}

/** Telegram's wording for markup errors; `index` is turned into a UTF-8 byte offset. */
export function entityParseError(detail: string, source?: string, index?: number): BotApiError {
  const where =
    source === undefined || index === undefined ? '' : ` at byte offset ${byteOffset(source, index)}`;
  return badRequest(`can't parse entities: ${detail}${where}`);
}

/** UTF-8 byte offset of a UTF-16 index (Telegram reports the former, JS strings index the latter). */
export function byteOffset(source: string, index: number): number {
  return Buffer.byteLength(source.slice(0, index), 'utf8');
}

/** Outer entities first, as Telegram orders them; empty ones are dropped. */
export function sortEntities(entities: MessageEntity[]): MessageEntity[] {
  return entities.filter((e) => e.length > 0).sort((a, b) => a.offset - b.offset || b.length - a.length);
}

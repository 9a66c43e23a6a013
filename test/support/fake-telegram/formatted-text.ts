import type { MessageEntity } from 'telegraf/types';
import { badRequest } from './bot-api-error.js';

/** A message's text and the entities that style it. */
export interface FormattedText {
  readonly text: string;
  readonly entities: MessageEntity[];
}

/**
 * The text as sent, with any explicit entities. The bot sends plain text only (it never sets
 * `parse_mode`, so user input needs no escaping); a call that does is refused loudly here, so that
 * starting to use markup shows up in tests instead of passing through a fake that ignores it.
 */
export function parseFormattedText(
  source: string,
  parseMode: string | undefined,
  explicitEntities: unknown,
): FormattedText {
  if (parseMode !== undefined && parseMode !== '')
    throw badRequest(`the fake Bot API does not parse parse_mode "${parseMode}": send plain text`);
  return {
    text: source,
    entities: Array.isArray(explicitEntities) ? (explicitEntities as MessageEntity[]) : [],
  };
}

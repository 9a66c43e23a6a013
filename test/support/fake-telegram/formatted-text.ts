import type { MessageEntity } from 'telegraf/types';
import { badRequest } from './bot-api-error.js';
import { parseHtmlText } from './html-text-parser.js';
import { parseMarkdownLegacyText } from './markdown-legacy-parser.js';
import { parseMarkdownV2Text } from './markdown-v2-parser.js';
import type { FormattedText } from './text-entity-helpers.js';

/**
 * Strip `parse_mode` markup the way Telegram does, failing with its "can't parse entities" 400 —
 * the error a bot gets in production when user text is interpolated without escaping.
 */
export function parseFormattedText(
  source: string,
  parseMode: string | undefined,
  explicitEntities: unknown,
): FormattedText {
  switch (parseMode) {
    case undefined:
    case '':
      return {
        text: source,
        entities: Array.isArray(explicitEntities) ? (explicitEntities as MessageEntity[]) : [],
      };
    case 'HTML':
      return parseHtmlText(source);
    case 'MarkdownV2':
      return parseMarkdownV2Text(source);
    case 'Markdown':
      return parseMarkdownLegacyText(source);
    default:
      throw badRequest(`unsupported parse_mode "${parseMode}"`);
  }
}

import { timingSafeEqual } from 'node:crypto';
import type { Logger } from '../../config/logger.js';
import type { Clock } from '../../domain/clock.js';
import type { Db } from '../../db/database.js';
import { insertInboxUpdate } from '../../db/inbox.repository.js';
import type { WebhookReceiver, WebhookRequest, WebhookResponse } from '../webhook-receiver.js';

function secretMatches(header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== 'string') return false;
  const given = Buffer.from(header);
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function parseUpdate(body: Buffer): { update_id: number } | undefined {
  let update: { update_id?: unknown } | undefined;
  try {
    update = JSON.parse(body.toString('utf8')) as { update_id?: unknown };
  } catch {
    return undefined;
  }
  // Telegram's ids are non-negative integers; anything else would fail in the database (a 500).
  if (typeof update !== 'object' || update === null) return undefined;
  const id = update.update_id;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0
    ? (update as { update_id: number })
    : undefined;
}

/**
 * Telegram's webhook intake: checks the secret-token header (401 and nothing stored when it is wrong),
 * stores the update in the inbox (a repeated update id is stored once), and only then answers 200 — a
 * failure to store throws, the server answers 5xx, and Telegram sends the update again.
 */
export function createTelegramWebhookReceiver(deps: {
  path: string;
  secret: string;
  db: Db;
  clock: Clock;
  logger: Logger;
  onStored: () => void;
}): WebhookReceiver {
  return {
    path: deps.path,
    async handle(request: WebhookRequest): Promise<WebhookResponse> {
      if (!secretMatches(request.headers['x-telegram-bot-api-secret-token'], deps.secret)) {
        deps.logger.warn('webhook call with a wrong secret token');
        return { status: 401 };
      }
      const update = parseUpdate(request.rawBody);
      if (!update) return { status: 400 };
      await insertInboxUpdate(deps.db, {
        platform: 'telegram',
        update_id: update.update_id,
        payload: update,
        received_at: deps.clock.now(),
      });
      deps.onStored();
      return { status: 200, body: '{}', contentType: 'application/json' };
    },
  };
}

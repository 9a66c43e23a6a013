import { timingSafeEqual } from 'node:crypto';
import type { Logger } from '../../config/logger.js';
import type { Clock } from '../../domain/clock.js';
import type { Db } from '../../db/database.js';
import type { WebhookReceiver } from '../webhook-receiver.js';
import { storeZaloBotUpdate } from './zalo-bot-poller.js';

/** The path Zalo posts to, on the process's one HTTP server. */
export const ZALO_BOT_WEBHOOK_PATH = '/zalo-bot/webhook';

function secretMatches(header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== 'string') return false;
  const given = Buffer.from(header);
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Zalo Bot's webhook intake: checks `X-Bot-Api-Secret-Token` (401 and nothing stored when wrong), stores
 * the update (wrapped `{ok, result}` or bare, both seen) and only then answers 200; an update stored
 * already (Zalo sent it again) is answered 200 too and handled once.
 */
export function createZaloBotWebhookReceiver(deps: {
  secret: string;
  db: Db;
  clock: Clock;
  logger: Logger;
  onStored: () => void;
  path?: string;
}): WebhookReceiver {
  return {
    path: deps.path ?? ZALO_BOT_WEBHOOK_PATH,
    async handle(request) {
      if (!secretMatches(request.headers['x-bot-api-secret-token'], deps.secret)) {
        deps.logger.warn('Zalo Bot webhook call with a wrong secret token');
        return { status: 401 };
      }
      let body: unknown;
      try {
        body = JSON.parse(request.rawBody.toString('utf8'));
      } catch {
        return { status: 400 };
      }
      const outcome = await storeZaloBotUpdate(deps, body);
      // Answered 200 all the same: Zalo may give up on a webhook that keeps failing.
      if (outcome === 'ignored') deps.logger.warn('Zalo Bot webhook update without a message ignored');
      if (outcome === 'stored') deps.onStored();
      return { status: 200, body: '{"ok":true}', contentType: 'application/json' };
    },
  };
}

import type { DeliveryFailure } from '../channel.js';
import { ZaloBotApiError } from './zalo-bot-api.js';

/** How long to wait after Zalo's 429 «Quota exceeded»: Zalo publishes no number and sends no hint. */
export const ZALO_QUOTA_BACKOFF_SECONDS = 30;

/**
 * Classifies a failed send: 429 waits (never dropped), 5xx and no answer retry, 403 and «user not
 * found»-style 404s mean the person is unreachable (blocked or gone), 401 (a bad token) retries until an operator fixes it, other 4xx are our own mistakes.
 */
export function classifyZaloBotError(error: unknown): DeliveryFailure {
  if (!(error instanceof ZaloBotApiError)) return { kind: 'transient' };
  const { errorCode, description } = error;
  if (errorCode === 429) return { kind: 'retry_after', seconds: ZALO_QUOTA_BACKOFF_SECONDS };
  if (errorCode >= 500) return { kind: 'transient', status: errorCode };
  if (errorCode === 403) return { kind: 'blocked' };
  // Zalo answers a chat it does not know (a person who removed the bot) with a 400/404 naming the user.
  if ((errorCode === 400 || errorCode === 404) && /user|chat/i.test(description)) return { kind: 'blocked' };
  // A bad token (401) fails every send until an operator fixes it: keep the messages and retry.
  if (errorCode === 401) return { kind: 'transient', status: errorCode };
  return { kind: 'permanent' };
}

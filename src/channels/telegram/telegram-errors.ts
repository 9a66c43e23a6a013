import type { DeliveryFailure } from '../channel.js';

/** Classifies a Bot API error: 429 waits, 5xx and network errors retry, 403 means the user is gone. */
export function classifyTelegramError(error: unknown): DeliveryFailure {
  const e = error as {
    response?: { error_code?: number; parameters?: { retry_after?: number } };
    code?: string;
  };
  const status = e.response?.error_code;
  if (status === 429)
    return { kind: 'retry_after', seconds: Math.max(1, e.response?.parameters?.retry_after ?? 1) };
  if (status === 403) return { kind: 'blocked' };
  if (status !== undefined && status >= 500) return { kind: 'transient', status };
  if (status !== undefined && status >= 400) return { kind: 'permanent' };
  // No API answer at all: connection refused, reset, timeout.
  return { kind: 'transient' };
}

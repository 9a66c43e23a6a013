/** What to do after a failed delivery. */
export type DeliveryFailure =
  | { readonly kind: 'retry_after'; readonly seconds: number }
  /** 5xx (`status` set: Telegram answered, so it did not count the message) or no answer at all. */
  | { readonly kind: 'transient'; readonly status?: number }
  | { readonly kind: 'blocked' }
  | { readonly kind: 'permanent' };

/** Classifies an API error: 429 waits, 5xx and network errors retry, 403 means the user is gone. */
export function classifyDeliveryError(error: unknown): DeliveryFailure {
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

/** A short description of an error for the outbox row and the logs (never the message's content). */
export function describeDeliveryError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

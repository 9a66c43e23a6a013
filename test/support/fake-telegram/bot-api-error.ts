/** The error body Telegram returns with `ok: false`. */
export interface BotApiErrorBody {
  readonly ok: false;
  readonly error_code: number;
  readonly description: string;
  readonly parameters?: { readonly retry_after?: number; readonly migrate_to_chat_id?: number };
}

/** A Bot API failure a method handler throws; the server turns it into Telegram's error response. */
export class BotApiError extends Error {
  override readonly name = 'BotApiError';
  constructor(
    readonly code: number,
    readonly description: string,
    readonly retryAfter?: number,
  ) {
    super(`${code}: ${description}`);
  }

  /** The JSON body Telegram would send; the HTTP status equals `code`, as on the real server. */
  toBody(): BotApiErrorBody {
    return this.retryAfter === undefined
      ? { ok: false, error_code: this.code, description: this.description }
      : {
          ok: false,
          error_code: this.code,
          description: this.description,
          parameters: { retry_after: this.retryAfter },
        };
  }
}

/** 400 with Telegram's "Bad Request: …" prefix. */
export function badRequest(detail: string): BotApiError {
  return new BotApiError(400, `Bad Request: ${detail}`);
}

/** 429 exactly as Telegram words it; `retryAfter` is whole seconds, at least 1. */
export function tooManyRequests(retryAfterSeconds: number): BotApiError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return new BotApiError(429, `Too Many Requests: retry after ${seconds}`, seconds);
}

const SERVER_ERROR_TEXT: Readonly<Record<number, string>> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** A 5xx as the gateway in front of Telegram produces it. */
export function serverError(code: number): BotApiError {
  return new BotApiError(code, SERVER_ERROR_TEXT[code] ?? 'Internal Server Error');
}

/** A failed Bot API call: Zalo's own error (`errorCode` from the body) or an HTTP status without one. */
export class ZaloBotApiError extends Error {
  constructor(
    readonly method: string,
    /** Zalo's `error_code` (400, 401, 403, 404, 408, 429…), else the HTTP status. */
    readonly errorCode: number,
    readonly description: string,
  ) {
    super(`Zalo Bot ${method}: ${errorCode} ${description}`);
    this.name = 'ZaloBotApiError';
  }
}

/** The reply shape of every Bot API method. */
interface ZaloBotReply {
  readonly ok?: boolean;
  readonly result?: unknown;
  readonly description?: string;
  readonly error_code?: number;
}

/** Longest a single call may take when no signal bounds it (a long poll asks for less). */
const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * The Zalo Bot Platform's HTTP API (`<root>/bot<token>/<method>`, JSON in, `{ok, result}` out). Zalo's
 * errors come in the body with `error_code`, sometimes over HTTP 200 (408 «nothing to read» does in some
 * measurements), so the body decides, not the status.
 */
export class ZaloBotApi {
  readonly #base: string;

  constructor(token: string, apiRoot: string) {
    this.#base = `${apiRoot.replace(/\/+$/, '')}/bot${token}`;
  }

  /** Calls a method; resolves with `result`, throws ZaloBotApiError for Zalo's errors. */
  async call<T = unknown>(method: string, params: Record<string, unknown>, signal?: AbortSignal): Promise<T> {
    const timeout = AbortSignal.timeout(DEFAULT_TIMEOUT_MS);
    const response = await fetch(`${this.#base}/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(params),
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    const text = await response.text();
    let body: ZaloBotReply | undefined;
    try {
      body = JSON.parse(text) as ZaloBotReply;
    } catch {
      body = undefined;
    }
    if (body?.ok === true) return body.result as T;
    const code = typeof body?.error_code === 'number' ? body.error_code : response.status;
    throw new ZaloBotApiError(method, code, body?.description ?? text.slice(0, 200));
  }
}

/** Zalo answered a call with a non-zero `error` (over HTTP 200, as the OA API does). */
export class ZaloOaApiError extends Error {
  override readonly name = 'ZaloOaApiError';
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(`Zalo OA error ${code}: ${message}`);
  }
}

/** Zalo's server answered with an HTTP error status (no OA error body). */
export class ZaloOaHttpError extends Error {
  override readonly name = 'ZaloOaHttpError';
  constructor(readonly status: number) {
    super(`Zalo OA HTTP ${status}`);
  }
}

/** No access token can be had: none stored yet, or the refresh was refused (an operator must paste one). */
export class ZaloOaNoTokenError extends Error {
  override readonly name = 'ZaloOaNoTokenError';
  constructor(readonly reason: string) {
    super(`no Zalo OA access token: ${reason}`);
  }
}

/** Error codes that mean the access token is invalid or expired: refresh once, then retry. */
export const TOKEN_ERROR_CODES: ReadonlySet<number> = new Set([-216, -217, -220]);
/** The person has been silent for more than 7 days. */
export const SILENT_TOO_LONG = -230;
/** The person never wrote to the OA. */
export const NEVER_INTERACTED = -232;
/** Zalo's rate limit (4,000 calls a minute). */
export const RATE_LIMITED = -32;
/** A field of the request was not accepted. */
export const BAD_FIELD = -201;

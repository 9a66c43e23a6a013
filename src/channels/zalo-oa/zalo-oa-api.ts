import { ZaloOaApiError, ZaloOaHttpError } from './zalo-oa-api-error.js';

/** Where the OA's calls go (tests: the fake server). */
export interface ZaloOaRoots {
  /** Default `https://openapi.zalo.me`. */
  readonly apiRoot: string;
  /** Default `https://oauth.zaloapp.com`. */
  readonly oauthRoot: string;
}

/** The `data` of a successful send: the message id, and the quota when Zalo still reports it. */
export interface ZaloOaSendData {
  readonly message_id?: string;
  readonly quota?: { readonly quota_type?: string; readonly remain?: string };
}

/** What an OA message body may hold (text, a file by upload token, an image template). */
export type ZaloOaMessage =
  | { readonly text: string; readonly quote_message_id?: string }
  | { readonly attachment: unknown; readonly text?: string };

const CALL_TIMEOUT_MS = 30_000;

async function parse<T>(response: Response): Promise<T> {
  const text = await response.text();
  let body: { error?: number | string; message?: string; data?: T } | undefined;
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    body = undefined;
  }
  const code = Number(body?.error ?? 0);
  if (body && code !== 0) throw new ZaloOaApiError(code, String(body.message ?? ''));
  if (!response.ok || !body) throw new ZaloOaHttpError(response.status);
  return (body.data ?? {}) as T;
}

/** The OA Open API calls sohoa makes, over fetch; every failure is a ZaloOaApiError or ZaloOaHttpError. */
export class ZaloOaApi {
  constructor(private readonly roots: ZaloOaRoots) {}

  /** Sends to a person (`/v3.0/oa/message/cs`). */
  async sendToUser(
    accessToken: string,
    userId: string,
    message: ZaloOaMessage,
    signal?: AbortSignal,
  ): Promise<ZaloOaSendData> {
    return this.#json(
      accessToken,
      '/v3.0/oa/message/cs',
      { recipient: { user_id: userId }, message },
      signal,
    );
  }

  /** Posts into a group the OA manages (GMF, `/v3.0/oa/group/message`). */
  async sendToGroup(
    accessToken: string,
    groupId: string,
    message: ZaloOaMessage,
    signal?: AbortSignal,
  ): Promise<ZaloOaSendData> {
    return this.#json(
      accessToken,
      '/v3.0/oa/group/message',
      { recipient: { group_id: groupId }, message },
      signal,
    );
  }

  /** Uploads a file (PDF ≤ 5 MB) and returns its token for one send. */
  async uploadFile(
    accessToken: string,
    fileName: string,
    bytes: Buffer,
    signal?: AbortSignal,
  ): Promise<string> {
    const data = await this.#upload<{ token?: string }>(
      accessToken,
      '/v2.0/oa/upload/file',
      fileName,
      bytes,
      'application/pdf',
      signal,
    );
    if (!data.token) throw new ZaloOaHttpError(502);
    return data.token;
  }

  /** Uploads an image (PNG/JPG ≤ 1 MB) and returns its attachment id. */
  async uploadImage(
    accessToken: string,
    fileName: string,
    bytes: Buffer,
    signal?: AbortSignal,
  ): Promise<string> {
    const type = fileName.toLowerCase().endsWith('.png') ? 'image/png' : 'image/jpeg';
    const data = await this.#upload<{ attachment_id?: string }>(
      accessToken,
      '/v2.0/oa/upload/image',
      fileName,
      bytes,
      type,
      signal,
    );
    if (!data.attachment_id) throw new ZaloOaHttpError(502);
    return data.attachment_id;
  }

  /**
   * Spends a refresh token for a new pair (`/v4/oa/access_token`). The refresh token is single-use: the
   * caller stores the answer before anything else.
   */
  async refreshToken(args: {
    appId: string;
    appSecret: string;
    refreshToken: string;
  }): Promise<{ accessToken: string; refreshToken: string; expiresInSeconds: number }> {
    const response = await fetch(`${this.roots.oauthRoot}/v4/oa/access_token`, {
      method: 'POST',
      headers: { secret_key: args.appSecret, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        refresh_token: args.refreshToken,
        app_id: args.appId,
        grant_type: 'refresh_token',
      }).toString(),
      signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
    });
    const text = await response.text();
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new ZaloOaHttpError(response.status);
    }
    const access = body.access_token;
    const refresh = body.refresh_token;
    // expires_in comes as a string ("90000"); trust what is returned, not a documented constant.
    const expires = Number(body.expires_in);
    if (
      typeof access === 'string' &&
      typeof refresh === 'string' &&
      Number.isFinite(expires) &&
      expires > 0
    ) {
      return { accessToken: access, refreshToken: refresh, expiresInSeconds: expires };
    }
    const code = Number(body.error ?? body.error_code ?? 0);
    const message = String(body.error_description ?? body.error_name ?? body.message ?? 'refused');
    if (code !== 0 || response.ok) throw new ZaloOaApiError(code || -1, message);
    throw new ZaloOaHttpError(response.status);
  }

  async #json<T>(accessToken: string, path: string, body: unknown, signal?: AbortSignal): Promise<T> {
    const response = await fetch(`${this.roots.apiRoot}${path}`, {
      method: 'POST',
      headers: { access_token: accessToken, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: signal ?? AbortSignal.timeout(CALL_TIMEOUT_MS),
    });
    return parse<T>(response);
  }

  async #upload<T>(
    accessToken: string,
    path: string,
    fileName: string,
    bytes: Buffer,
    type: string,
    signal?: AbortSignal,
  ): Promise<T> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)], { type }), fileName);
    const response = await fetch(`${this.roots.apiRoot}${path}`, {
      method: 'POST',
      headers: { access_token: accessToken },
      body: form,
      signal: signal ?? AbortSignal.timeout(CALL_TIMEOUT_MS),
    });
    return parse<T>(response);
  }
}

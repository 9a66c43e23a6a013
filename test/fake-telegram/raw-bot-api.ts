import type { FakeBotApi } from '../support/fake-telegram/index.js';

/** Status and parsed JSON of a raw Bot API call. */
export interface RawResponse {
  readonly status: number;
  readonly json: {
    ok: boolean;
    result?: unknown;
    error_code?: number;
    description?: string;
    parameters?: unknown;
  };
}

/** POST a JSON call straight to the fake, bypassing telegraf. */
export async function rawCall(
  api: FakeBotApi,
  method: string,
  body: Record<string, unknown> = {},
  token = api.token,
): Promise<RawResponse> {
  const response = await fetch(`${api.apiRoot}/bot${token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as RawResponse['json'] };
}

/** update_ids of a getUpdates result. */
export function ids(response: RawResponse): number[] {
  return (response.json.result as { update_id: number }[]).map((u) => u.update_id);
}

import type { Clock } from '../domain/clock.js';
import { openToken, sealToken } from '../domain/zalo-oa-token-cipher.js';
import type { Db } from '../db/database.js';
import { inTransaction } from '../db/transaction.js';
import {
  findZaloOaToken,
  lockZaloOaToken,
  recordZaloOaRefreshFailure,
  saveZaloOaToken,
} from '../db/zalo-oa-token.repository.js';
import type { ZaloOaTokenRow } from '../db/zalo-oa-token.table.js';

/** A fresh pair from Zalo's OAuth server. */
export interface ZaloOaTokenPair {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresInSeconds: number;
}

/** Spends a refresh token: a pair, or Zalo's refusal (a network failure throws: nothing was spent). */
export type ZaloOaTokenExchange = (
  refreshToken: string,
) => Promise<{ ok: true; pair: ZaloOaTokenPair } | { ok: false; error: string }>;

/** What the token service needs. */
export interface ZaloOaTokenDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly appId: string;
  /** ZALO_OA_TOKEN_KEY. */
  readonly tokenKey: string;
  readonly exchange: ZaloOaTokenExchange;
}

/** Refresh this long before `expires_in` runs out, so that no send meets an expired token. */
export const REFRESH_AHEAD_MS = 10 * 60_000;

/** An access token to call with, or why there is none. */
export type AccessTokenOutcome =
  | { readonly kind: 'ok'; readonly accessToken: string; readonly expiresAt: Date }
  | { readonly kind: 'missing' }
  /** The stored refresh token was refused: an operator must paste a new one (`sohoa zalo-oa token set`). */
  | { readonly kind: 'refused'; readonly error: string; readonly firstFailure: boolean }
  /** Stored with another ZALO_OA_TOKEN_KEY. */
  | { readonly kind: 'undecryptable' };

function opened(row: ZaloOaTokenRow, key: string): { access: string; refresh: string } | undefined {
  const access = openToken(row.access_token, key);
  const refresh = openToken(row.refresh_token, key);
  return access === undefined || refresh === undefined ? undefined : { access, refresh };
}

function pairRow(deps: ZaloOaTokenDeps, pair: ZaloOaTokenPair) {
  const now = deps.clock.now();
  return {
    app_id: deps.appId,
    access_token: sealToken(pair.accessToken, deps.tokenKey),
    refresh_token: sealToken(pair.refreshToken, deps.tokenKey),
    expires_at: new Date(now.getTime() + pair.expiresInSeconds * 1000),
    updated_at: now,
  };
}

/**
 * The access token to call Zalo with: the stored one while it has more than REFRESH_AHEAD_MS left,
 * else a refreshed one.
 */
export async function zaloOaAccessToken(deps: ZaloOaTokenDeps): Promise<AccessTokenOutcome> {
  const row = await findZaloOaToken(deps.db, deps.appId);
  if (!row) return { kind: 'missing' };
  const tokens = opened(row, deps.tokenKey);
  if (!tokens) return { kind: 'undecryptable' };
  if (row.expires_at.getTime() - REFRESH_AHEAD_MS > deps.clock.now().getTime()) {
    return { kind: 'ok', accessToken: tokens.access, expiresAt: row.expires_at };
  }
  return refreshZaloOaToken(deps);
}

/**
 * Spends the refresh token for a new pair, one process at a time: the row is locked (and an advisory
 * lock taken) for the whole exchange, and the new pair is stored in that same transaction, so a second
 * refresher waits and then finds a fresh token instead of spending the used refresh token again.
 * `rejected`: the access token Zalo just refused — refresh even if it looks fresh, unless another
 * process already replaced it.
 */
export async function refreshZaloOaToken(
  deps: ZaloOaTokenDeps,
  rejected?: string,
): Promise<AccessTokenOutcome> {
  return inTransaction(deps.db, async (trx) => {
    const row = await lockZaloOaToken(trx, deps.appId);
    if (!row) return { kind: 'missing' } as const;
    const tokens = opened(row, deps.tokenKey);
    if (!tokens) return { kind: 'undecryptable' } as const;
    const fresh = row.expires_at.getTime() - REFRESH_AHEAD_MS > deps.clock.now().getTime();
    const replaced = rejected !== undefined && tokens.access !== rejected;
    if ((rejected === undefined && fresh) || replaced) {
      return { kind: 'ok', accessToken: tokens.access, expiresAt: row.expires_at } as const;
    }
    if (row.refresh_failed_at) {
      // This refresh token was refused already; spending it again cannot help and floods Zalo.
      return { kind: 'refused', error: row.last_error ?? '', firstFailure: false } as const;
    }
    const answer = await deps.exchange(tokens.refresh);
    if (!answer.ok) {
      const first = await recordZaloOaRefreshFailure(trx, deps.appId, answer.error, deps.clock.now());
      return { kind: 'refused', error: answer.error, firstFailure: first } as const;
    }
    const next = pairRow(deps, answer.pair);
    await saveZaloOaToken(trx, next);
    return { kind: 'ok', accessToken: answer.pair.accessToken, expiresAt: next.expires_at } as const;
  });
}

/**
 * Stores a pair an operator pasted (`sohoa zalo-oa token set`). With only a refresh token it is spent at
 * once, so that what is stored is a pair that works.
 */
export async function setZaloOaTokens(
  deps: ZaloOaTokenDeps,
  given: { refreshToken: string; accessToken?: string; expiresInSeconds?: number },
): Promise<{ kind: 'stored'; expiresAt: Date; exchanged: boolean } | { kind: 'refused'; error: string }> {
  let pair: ZaloOaTokenPair;
  if (given.accessToken !== undefined) {
    // Zalo does not say how long a pasted access token has left: assume the shortest lifetime seen (1 h).
    pair = {
      accessToken: given.accessToken,
      refreshToken: given.refreshToken,
      expiresInSeconds: given.expiresInSeconds ?? 3600,
    };
  } else {
    const answer = await deps.exchange(given.refreshToken);
    if (!answer.ok) return { kind: 'refused', error: answer.error };
    pair = answer.pair;
  }
  const row = pairRow(deps, pair);
  await inTransaction(deps.db, async (trx) => {
    await lockZaloOaToken(trx, deps.appId);
    await saveZaloOaToken(trx, row);
  });
  return { kind: 'stored', expiresAt: row.expires_at, exchanged: given.accessToken === undefined };
}

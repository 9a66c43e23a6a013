import type { EnvConfig } from '../../config/env-config.js';
import type { Logger } from '../../config/logger.js';
import type { Clock } from '../../domain/clock.js';
import type { Db } from '../../db/database.js';
import { enqueueOutbox } from '../../db/outbox.repository.js';
import { zaloOaMessages } from '../../messages/zalo-oa-messages.js';
import { formatDateTime } from '../../messages/vi-format.js';
import { oaAlertRecipients } from '../../services/zalo-oa-alert.service.js';
import {
  refreshZaloOaToken,
  zaloOaAccessToken,
  type AccessTokenOutcome,
  type ZaloOaTokenDeps,
  type ZaloOaTokenExchange,
} from '../../services/zalo-oa-token.service.js';
import type { Channel } from '../channel.js';
import type { WebhookReceiver } from '../webhook-receiver.js';
import { ZaloOaApiError, ZaloOaNoTokenError } from './zalo-oa-api-error.js';
import { ZaloOaApi } from './zalo-oa-api.js';
import { createZaloOaChannel } from './zalo-oa-channel.js';
import { ZALO_OA_PLATFORM } from './zalo-oa-event.js';
import { createZaloOaWebhookReceiver } from './zalo-oa-webhook-receiver.js';

/** The OA's settings (env: ZALO_OA_*; all or none). */
export interface ZaloOaConfig {
  readonly appId: string;
  readonly appSecret: string;
  /** The OA's webhook secret key (signatures). */
  readonly secretKey: string;
  /** Encrypts the stored tokens. */
  readonly tokenKey: string;
  readonly apiRoot: string;
  readonly oauthRoot: string;
}

/** The OA's settings from the environment; undefined when the OA is not configured (all four unset). */
export function zaloOaConfigFrom(env: EnvConfig): ZaloOaConfig | undefined {
  const { ZALO_OA_APP_ID, ZALO_OA_APP_SECRET, ZALO_OA_SECRET_KEY, ZALO_OA_TOKEN_KEY } = env;
  // parseEnvConfig already refused a partial set.
  if (!ZALO_OA_APP_ID || !ZALO_OA_APP_SECRET || !ZALO_OA_SECRET_KEY || !ZALO_OA_TOKEN_KEY) return undefined;
  return {
    appId: ZALO_OA_APP_ID,
    appSecret: ZALO_OA_APP_SECRET,
    secretKey: ZALO_OA_SECRET_KEY,
    tokenKey: ZALO_OA_TOKEN_KEY,
    apiRoot: env.ZALO_OA_API_ROOT,
    oauthRoot: env.ZALO_OAUTH_ROOT,
  };
}

/** Everything the OA adds to a process. */
export interface ZaloOaService {
  readonly channel: Channel;
  /** Mounted by the process's HTTP server at `/zalo-oa/webhook`. */
  readonly receiver: WebhookReceiver;
  readonly tokens: ZaloOaTokenDeps;
  /** One look at the token: refreshes it when it runs out within 10 minutes. */
  checkToken(): Promise<AccessTokenOutcome>;
  /** Checks the token every `intervalMs` until `signal` aborts. */
  runRefresher(signal: AbortSignal, intervalMs?: number): Promise<void>;
}

/** Spends a refresh token at Zalo's OAuth server; Zalo's refusal is data, a network failure throws. */
export function zaloOaExchange(api: ZaloOaApi, config: ZaloOaConfig): ZaloOaTokenExchange {
  return async (refreshToken) => {
    try {
      const pair = await api.refreshToken({ appId: config.appId, appSecret: config.appSecret, refreshToken });
      return { ok: true, pair };
    } catch (error) {
      if (error instanceof ZaloOaApiError) return { ok: false, error: error.message };
      throw error;
    }
  };
}

/**
 * Builds the OA channel, its webhook receiver and its token refresher over one database. The lead's
 * wiring (src/main.ts) adds `channel` to the ChannelSet, mounts `receiver`, and runs `runRefresher`.
 */
export function createZaloOaService(deps: {
  db: Db;
  clock: Clock;
  logger: Logger;
  campaignId: number;
  timeZone: string;
  config: ZaloOaConfig;
  /** Wakes the inbox processor after an event was stored. */
  onStored: () => void;
}): ZaloOaService {
  const { db, clock, logger, config } = deps;
  const api = new ZaloOaApi({ apiRoot: config.apiRoot, oauthRoot: config.oauthRoot });
  const tokens: ZaloOaTokenDeps = {
    db,
    clock,
    appId: config.appId,
    tokenKey: config.tokenKey,
    exchange: zaloOaExchange(api, config),
  };

  const alertIfFirst = async (outcome: AccessTokenOutcome) => {
    if (outcome.kind !== 'refused' || !outcome.firstFailure) return;
    logger.error({ error: outcome.error }, 'Zalo OA refresh token refused: paste a new one');
    const at = clock.now();
    const recipients = await oaAlertRecipients(db, deps.campaignId, ZALO_OA_PLATFORM);
    await enqueueOutbox(
      db,
      recipients.map((r) => ({
        dedupeKey: `zalo-oa:token-refused:${at.toISOString()}:${r.platform}:${r.chatId}`,
        platform: r.platform,
        chatId: r.chatId,
        kind: 'text' as const,
        payload: { text: zaloOaMessages.tokenRefused(formatDateTime(at, deps.timeZone)) },
      })),
      at,
    );
  };

  const accessToken = async (rejected?: string) => {
    const outcome =
      rejected === undefined ? await zaloOaAccessToken(tokens) : await refreshZaloOaToken(tokens, rejected);
    if (outcome.kind === 'ok') return outcome.accessToken;
    await alertIfFirst(outcome);
    throw new ZaloOaNoTokenError(outcome.kind);
  };

  const checkToken = async () => {
    const outcome = await zaloOaAccessToken(tokens);
    await alertIfFirst(outcome);
    return outcome;
  };

  return {
    channel: createZaloOaChannel({ api, db, clock, accessToken }),
    receiver: createZaloOaWebhookReceiver({
      db,
      clock,
      logger,
      appId: config.appId,
      secretKey: config.secretKey,
      onStored: deps.onStored,
    }),
    tokens,
    checkToken,
    async runRefresher(signal, intervalMs = 60_000) {
      while (!signal.aborted) {
        try {
          await checkToken();
        } catch (error) {
          logger.warn({ err: error }, 'Zalo OA token check failed; trying again');
        }
        // Stopped during the check: an abort listener added now would never fire.
        if (signal.aborted) return;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, intervalMs);
          signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
        });
      }
    },
  };
}

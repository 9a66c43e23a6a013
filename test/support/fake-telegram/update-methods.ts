import type { Update, WebhookInfo } from 'telegraf/types';
import type { ApiParams } from './api-params.js';
import type { MethodHandler } from './bot-api-context.js';
import { BotApiError, badRequest } from './bot-api-error.js';

const WEBHOOK_CONFLICT =
  "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first";
const POLL_CONFLICT =
  'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running';

/** getUpdates (long polling), setWebhook, deleteWebhook, getWebhookInfo. */
export const updateMethods: Readonly<Record<string, MethodHandler>> = {
  async getUpdates(ctx, params, call) {
    if (ctx.webhook.url !== undefined) throw new BotApiError(409, WEBHOOK_CONFLICT);
    const offset = params.int('offset');
    const limit = Math.min(100, Math.max(1, params.int('limit') ?? 100));
    // Fractional seconds are accepted so tests can poll briefly; Telegram takes whole seconds.
    const timeoutMs = Math.max(0, params.number('timeout') ?? 0) * 1000;
    ctx.updates.setAllowed(readAllowedUpdates(params));
    // A newer poll supersedes a waiting one, which then fails with 409, as on Telegram.
    ctx.polling.generation += 1;
    const generation = ctx.polling.generation;
    ctx.updates.wake();
    let updates: Update[] = ctx.updates.take(offset, limit);
    const deadline = Date.now() + timeoutMs;
    while (updates.length === 0 && !call.signal.aborted && Date.now() < deadline) {
      await ctx.updates.waitForUpdate(deadline - Date.now(), call.signal);
      if (ctx.polling.generation !== generation) throw new BotApiError(409, POLL_CONFLICT);
      if (ctx.webhook.url !== undefined) throw new BotApiError(409, WEBHOOK_CONFLICT);
      updates = ctx.updates.take(undefined, limit);
    }
    return updates;
  },

  setWebhook(ctx, params) {
    const url = params.string('url') ?? '';
    const dropPending = params.bool('drop_pending_updates') === true;
    if (url === '') {
      ctx.webhook.url = undefined;
      ctx.webhook.secret = undefined;
      if (dropPending) ctx.updates.clear();
      return true;
    }
    const parsed = URL.canParse(url) ? new URL(url) : undefined;
    if (parsed === undefined)
      throw badRequest('bad webhook: Failed to resolve host: Name or service not known');
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
      throw badRequest('bad webhook: An HTTPS URL must be provided for webhook');
    const secret = params.string('secret_token');
    if (secret !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secret)) {
      throw badRequest('secret token contains unallowed characters');
    }
    if (dropPending) ctx.updates.clear();
    ctx.updates.setAllowed(readAllowedUpdates(params));
    ctx.webhook.url = url;
    ctx.webhook.secret = secret;
    ctx.updates.wake(); // a waiting getUpdates now ends with 409
    return true;
  },

  deleteWebhook(ctx, params) {
    ctx.webhook.url = undefined;
    ctx.webhook.secret = undefined;
    if (params.bool('drop_pending_updates') === true) ctx.updates.clear();
    return true;
  },

  getWebhookInfo(ctx): WebhookInfo {
    return {
      url: ctx.webhook.url ?? '',
      has_custom_certificate: false,
      pending_update_count: ctx.updates.size,
      ...(ctx.webhook.url === undefined ? {} : { max_connections: 40 }),
    };
  },
};

function readAllowedUpdates(params: ApiParams): string[] | undefined {
  const value = params.json('allowed_updates');
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw badRequest("can't parse allowed updates JSON object");
  }
  return value as string[];
}

import { ApiParams } from './api-params.js';
import type { MethodDispatcher } from './method-dispatcher.js';
import { parseRequestParams } from './request-body-parser.js';
import type { WebhookDeliverer } from './webhook-deliverer.js';

/**
 * Telegram executes a method call returned in the webhook response body (`{"method": …}`);
 * telegraf relies on it for answerCallbackQuery, sendChatAction, deleteMessage… (webhookReply).
 */
export function wireWebhookReplies(webhook: WebhookDeliverer, dispatcher: MethodDispatcher): void {
  webhook.onReply = async (body, contentType) => {
    let params: ApiParams;
    try {
      params = parseRequestParams(body, contentType ?? 'application/json', new URLSearchParams());
    } catch {
      return; // Telegram ignores a webhook response it cannot read
    }
    const method = params.string('method');
    if (method === undefined || method === '') return;
    await dispatcher.dispatch(method, () => params, 'webhook-reply', new AbortController().signal);
  };
}

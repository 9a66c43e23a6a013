import type { Logger } from '../../config/logger.js';
import type { Clock } from '../../domain/clock.js';
import type { Db } from '../../db/database.js';
import { insertInboxUpdate } from '../../db/inbox.repository.js';
import { inTransaction } from '../../db/transaction.js';
import { noteZaloOaInbound } from '../../services/zalo-oa-window.service.js';
import type { WebhookReceiver, WebhookRequest, WebhookResponse } from '../webhook-receiver.js';
import {
  ZALO_OA_PLATFORM,
  isInboundMessage,
  zaloOaEventTime,
  zaloOaSenderId,
  zaloOaUpdateId,
  type ZaloOaEvent,
} from './zalo-oa-event.js';
import { zaloOaSignature, zaloOaSignatureMatches } from './zalo-oa-signature.js';

/** The path an agency pastes into Zalo's developer console. */
export const ZALO_OA_WEBHOOK_PATH = '/zalo-oa/webhook';
/** Events older (or further in the future) than this are refused: a replayed capture. */
export const MAX_EVENT_AGE_MS = 300_000;
const MAX_BODY_BYTES = 1_048_576;

const answer = (status: number): WebhookResponse => ({
  status,
  body: JSON.stringify({ ok: status === 200 }),
  contentType: 'application/json',
});

/**
 * The OA's webhook: checks `X-ZEvent-Signature` and the event's age (401 and nothing stored otherwise),
 * stores the event in the inbox (a repeated msg_id is stored once) and notes when the person wrote, in
 * one short transaction, then answers 200 — Zalo expects an answer within about 2 s and disables a
 * webhook that keeps failing, so nothing slow happens here.
 */
export function createZaloOaWebhookReceiver(deps: {
  db: Db;
  clock: Clock;
  logger: Logger;
  appId: string;
  secretKey: string;
  onStored: () => void;
}): WebhookReceiver {
  return {
    path: ZALO_OA_WEBHOOK_PATH,
    async handle(request: WebhookRequest): Promise<WebhookResponse> {
      if (request.rawBody.length > MAX_BODY_BYTES) return answer(413);
      let event: ZaloOaEvent;
      try {
        event = JSON.parse(request.rawBody.toString('utf8')) as ZaloOaEvent;
      } catch {
        return answer(400);
      }
      if (typeof event !== 'object' || event === null) return answer(400);
      const timestamp = String(event.timestamp ?? '');
      const expected = zaloOaSignature(deps.appId, request.rawBody, timestamp, deps.secretKey);
      if (
        event.app_id !== deps.appId ||
        !zaloOaSignatureMatches(request.headers['x-zevent-signature'], expected)
      ) {
        deps.logger.warn({ event: event.event_name }, 'Zalo OA webhook call with a wrong signature');
        return answer(401);
      }
      const at = zaloOaEventTime(event);
      const now = deps.clock.now();
      if (!at || Math.abs(now.getTime() - at.getTime()) > MAX_EVENT_AGE_MS) {
        deps.logger.warn({ event: event.event_name }, 'Zalo OA webhook event outside the accepted time');
        return answer(401);
      }
      const sender = zaloOaSenderId(event);
      const stored = await inTransaction(deps.db, async (trx) => {
        const isNew = await insertInboxUpdate(trx, {
          platform: ZALO_OA_PLATFORM,
          update_id: zaloOaUpdateId(event),
          payload: event,
          received_at: now,
        });
        if (isNew && sender && isInboundMessage(event)) {
          await noteZaloOaInbound(trx, sender, at, event.message?.msg_id);
        }
        return isNew;
      });
      if (stored) deps.onStored();
      return answer(200);
    },
  };
}

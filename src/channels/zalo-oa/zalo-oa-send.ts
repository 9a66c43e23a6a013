import type { Clock } from '../../domain/clock.js';
import { oaSendCost } from '../../domain/zalo-oa-window.js';
import type { Db } from '../../db/database.js';
import type { OutboxRow } from '../../db/outbox.table.js';
import {
  recordZaloOaGroupSend,
  recordZaloOaUserSend,
  zaloOaContact,
} from '../../services/zalo-oa-window.service.js';
import { NEVER_INTERACTED, SILENT_TOO_LONG, TOKEN_ERROR_CODES, ZaloOaApiError } from './zalo-oa-api-error.js';
import type { ZaloOaApi, ZaloOaMessage, ZaloOaSendData } from './zalo-oa-api.js';
import { GROUP_PREFIX } from './zalo-oa-event.js';

// One OA send and its bookkeeping: the token (refreshed once on a token error), the recipient (a person
// or a GMF group), what the send cost, and whether the person can be reached at all.

/** Zalo refused to reach the person before: no call is made until they write again. */
export class ZaloOaUnreachableError extends Error {
  override readonly name = 'ZaloOaUnreachableError';
  constructor(readonly code: number) {
    super(`Zalo OA recipient unreachable (${code}) until they write to the OA`);
  }
}

/** What the OA delivery needs. */
export interface ZaloOaDeliveryDeps {
  readonly api: ZaloOaApi;
  readonly db: Db;
  readonly clock: Clock;
  /** An access token; `rejected` is one Zalo just refused (refresh it unless another process did). */
  readonly accessToken: (rejected?: string) => Promise<string>;
}

/** One recipient: a person (`/message/cs`, billed by the window) or a GMF group. */
export interface Target {
  readonly kind: 'user' | 'group';
  readonly id: string;
}

export function targetOf(chatId: string): Target {
  return chatId.startsWith(GROUP_PREFIX)
    ? { kind: 'group', id: chatId.slice(GROUP_PREFIX.length) }
    : { kind: 'user', id: chatId };
}

/**
 * One API call with the current token; on a token error the token is refreshed once and the call made
 * again (a second token error is the sender's to classify).
 */
export async function withToken<T>(
  deps: ZaloOaDeliveryDeps,
  call: (token: string) => Promise<T>,
): Promise<T> {
  const token = await deps.accessToken();
  try {
    return await call(token);
  } catch (error) {
    if (!(error instanceof ZaloOaApiError) || !TOKEN_ERROR_CODES.has(error.code)) throw error;
    return call(await deps.accessToken(token));
  }
}

/**
 * Sends one OA message and records what it cost. A person's refusal (-230, -232) is recorded and marks
 * them unreachable, so the next message to them is not even tried.
 */
export async function send(
  deps: ZaloOaDeliveryDeps,
  row: OutboxRow,
  target: Target,
  message: ZaloOaMessage,
  signal?: AbortSignal,
): Promise<ZaloOaSendData> {
  const at = () => deps.clock.now();
  if (target.kind === 'group') {
    const data = await withToken(deps, (t) => deps.api.sendToGroup(t, target.id, message, signal));
    await recordZaloOaGroupSend(deps.db, { outboxId: row.id, groupId: target.id, at: at() });
    return data;
  }
  try {
    const data = await withToken(deps, (t) => deps.api.sendToUser(t, target.id, message, signal));
    await recordZaloOaUserSend(deps.db, { outboxId: row.id, userId: target.id, at: at() });
    return data;
  } catch (error) {
    if (
      error instanceof ZaloOaApiError &&
      (error.code === SILENT_TOO_LONG || error.code === NEVER_INTERACTED)
    ) {
      await recordZaloOaUserSend(deps.db, {
        outboxId: row.id,
        userId: target.id,
        at: at(),
        refusedCode: error.code,
      });
    }
    throw error;
  }
}

/**
 * The message a reply to a person quotes: their last one while their free window is open. Throws when
 * Zalo has refused them before (nothing is sent until they write again).
 */
export async function quotable(deps: ZaloOaDeliveryDeps, userId: string): Promise<string | undefined> {
  const contact = await zaloOaContact(deps.db, userId);
  if (contact?.unreachable_since && contact.unreachable_code !== null) {
    throw new ZaloOaUnreachableError(contact.unreachable_code);
  }
  if (!contact?.last_msg_id) return undefined;
  return oaSendCost(contact.last_inbound_at, deps.clock.now()) === 'free' ? contact.last_msg_id : undefined;
}

/** An uploaded image as a message: a media template to a person; groups take no templates. */
export function imageMessage(target: Target, attachmentId: string): ZaloOaMessage {
  if (target.kind === 'group') {
    return { attachment: { type: 'image', payload: { attachment_id: attachmentId } } };
  }
  return {
    attachment: {
      type: 'template',
      payload: { template_type: 'media', elements: [{ media_type: 'image', attachment_id: attachmentId }] },
    },
  };
}

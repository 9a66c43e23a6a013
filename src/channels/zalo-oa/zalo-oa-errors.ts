import type { DeliveryFailure } from '../channel.js';
import {
  NEVER_INTERACTED,
  RATE_LIMITED,
  SILENT_TOO_LONG,
  ZaloOaApiError,
  ZaloOaHttpError,
  ZaloOaNoTokenError,
} from './zalo-oa-api-error.js';
import { ZaloOaUnreachableError } from './zalo-oa-send.js';

/**
 * What the sender does after an OA call failed. A person Zalo will not let us reach (-230 silent more
 * than 7 days, -232 never wrote) is a permanent failure for this message — not a blocked member: they
 * stay in the campaign, are listed to their coordinators, and are reachable again once they write.
 * Rate limits wait a minute, a missing token five; token errors after a refresh and Zalo's 5xx retry
 * with backoff.
 */
export function classifyZaloOaError(error: unknown): DeliveryFailure {
  if (error instanceof ZaloOaUnreachableError) return { kind: 'permanent' };
  // No token until an operator pastes one: the messages wait (a wait is not an attempt), nothing is lost.
  if (error instanceof ZaloOaNoTokenError) return { kind: 'retry_after', seconds: 300 };
  if (error instanceof ZaloOaApiError) {
    if (error.code === SILENT_TOO_LONG || error.code === NEVER_INTERACTED) return { kind: 'permanent' };
    if (error.code === RATE_LIMITED) return { kind: 'retry_after', seconds: 60 };
    // -216/-217/-220 after a refresh, or a refresh that failed: an operator may paste a token; keep trying.
    if (error.code === -216 || error.code === -217 || error.code === -220) return { kind: 'transient' };
    return { kind: 'permanent' };
  }
  if (error instanceof ZaloOaHttpError) {
    if (error.status === 429) return { kind: 'retry_after', seconds: 60 };
    return error.status >= 500 ? { kind: 'transient', status: error.status } : { kind: 'permanent' };
  }
  return { kind: 'transient' };
}

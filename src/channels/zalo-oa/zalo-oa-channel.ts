import type { Channel } from '../channel.js';
import {
  ZALO_OA_PLATFORM,
  GROUP_PREFIX,
  zaloOaChatIdOf,
  zaloOaEventToChatMessage,
  type ZaloOaEvent,
} from './zalo-oa-event.js';
import { deliverToZaloOa, type ZaloOaDeliveryDeps } from './zalo-oa-delivery.js';
import { ZALO_OA_DOWNLOAD_LIMIT, downloadZaloOaFile } from './zalo-oa-download.js';
import { classifyZaloOaError } from './zalo-oa-errors.js';
import { ZALO_OA_TEXT_LIMIT } from './zalo-oa-text.js';

/** The Zalo Official Account channel over the OA Open API (see docs/zalo-oa.md). */
export function createZaloOaChannel(deps: ZaloOaDeliveryDeps): Channel {
  return {
    platform: ZALO_OA_PLATFORM,
    limits: {
      textLength: ZALO_OA_TEXT_LIMIT,
      captionLength: ZALO_OA_TEXT_LIMIT,
      downloadBytes: ZALO_OA_DOWNLOAD_LIMIT,
      choiceStyle: 'numbers',
    },
    toChatMessage: (update) => zaloOaEventToChatMessage(update as ZaloOaEvent),
    chatKindOf: (chatId) => (chatId.startsWith(GROUP_PREFIX) ? 'group' : 'private'),
    chatIdOf: (update) => zaloOaChatIdOf(update as ZaloOaEvent),
    download: (ref, maxBytes) => downloadZaloOaFile(ref, maxBytes),
    deliver: (row, signal) => deliverToZaloOa(deps, row, signal),
    classifyError: classifyZaloOaError,
    // Nothing to acknowledge: the webhook already answered.
    acknowledge: async () => undefined,
  };
}

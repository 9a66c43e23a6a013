import type { Channel } from '../channel.js';
import { ZaloBotApi } from './zalo-bot-api.js';
import { deliverToZaloBot } from './zalo-bot-delivery.js';
import { classifyZaloBotError } from './zalo-bot-errors.js';
import type { ZaloBotMediaLinks } from './zalo-bot-media.js';
import { ZALO_BOT_TEXT_LIMIT } from './zalo-bot-text.js';
import {
  ZALO_BOT_PLATFORM,
  zaloBotChatIdOf,
  zaloBotUpdateToChatMessage,
  type ZaloBotUpdate,
} from './zalo-bot-update.js';

/** The Zalo Bot channel: the Bot API client plus the Channel interface over it. */
export interface ZaloBotChannel extends Channel {
  readonly platform: typeof ZALO_BOT_PLATFORM;
  /** The Bot API client (intake); only code under src/channels/zalo-bot uses it. */
  readonly api: ZaloBotApi;
}

/**
 * Builds the Zalo Bot channel. Zalo Bot delivers no files (they arrive as «unsupported»), so the channel
 * downloads nothing (`downloadBytes` 0) and its choices are numbered. `media` publishes images for
 * sendPhoto (by URL only); without it charts are announced in text.
 */
export function createZaloBotChannel(options: {
  token: string;
  apiRoot: string;
  media?: ZaloBotMediaLinks;
}): ZaloBotChannel {
  const api = new ZaloBotApi(options.token, options.apiRoot);
  const progress = new Map<number, number>();
  return {
    platform: ZALO_BOT_PLATFORM,
    api,
    limits: {
      textLength: ZALO_BOT_TEXT_LIMIT,
      captionLength: ZALO_BOT_TEXT_LIMIT,
      downloadBytes: 0,
      choiceStyle: 'numbers',
    },
    toChatMessage: (update) => zaloBotUpdateToChatMessage(update as ZaloBotUpdate),
    // Zalo Bot has no groups yet («coming soon»): every chat is one person.
    chatKindOf: () => 'private',
    chatIdOf: (update) => zaloBotChatIdOf(update as ZaloBotUpdate),
    download: () => Promise.reject(new Error('Zalo Bot delivers no files to download')),
    deliver: (row, signal) => deliverToZaloBot({ api, media: options.media, progress }, row, signal),
    classifyError: classifyZaloBotError,
    // Nothing to acknowledge: numbered choices have no spinner.
    acknowledge: () => Promise.resolve(),
  };
}

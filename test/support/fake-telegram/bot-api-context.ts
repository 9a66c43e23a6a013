import type { BotCommand, Update, UserFromGetMe } from 'telegraf/types';
import type { ApiParams } from './api-params.js';
import type { CallbackQueryRegistry } from './callback-query-registry.js';
import type { FakeChatState } from './fake-chat-state.js';
import type { FileStore } from './file-store.js';
import type { UpdateBody, UpdateQueue } from './update-queue.js';

/** Everything the fake Telegram knows, shared by the method handlers and the test-side API. */
export interface BotApiContext {
  readonly bot: UserFromGetMe;
  readonly token: string;
  /** Unix seconds for `date` fields (the campaign clock in the demo, real time by default). */
  readonly nowSeconds: () => number;
  readonly chats: FakeChatState;
  readonly files: FileStore;
  readonly updates: UpdateQueue;
  /**
   * What setWebhook set. The fake never POSTs to it (the service's webhook is tested through its own
   * HTTP endpoint); it is kept so getUpdates answers 409 while a webhook is set, as Telegram does.
   */
  readonly webhook: { url: string | undefined; secret: string | undefined };
  readonly callbacks: CallbackQueryRegistry;
  /** setMyCommands lists, keyed by scope type and language code. */
  readonly commands: Map<string, BotCommand[]>;
  /** Bumped by each getUpdates so an older, still-waiting poll knows it was superseded (409). */
  readonly polling: { generation: number };
  /** Number and hold an update for getUpdates. */
  readonly inject: (body: UpdateBody) => Update;
}

/** Per-call facts a handler may need. */
export interface CallInfo {
  /** Aborted when the client disconnects or the server closes. */
  readonly signal: AbortSignal;
}

/** One Bot API method: returns the `result`, or throws a BotApiError. */
export type MethodHandler = (ctx: BotApiContext, params: ApiParams, call: CallInfo) => unknown;

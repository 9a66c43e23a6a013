import type { UserFromGetMe } from 'telegraf/types';
import type { Clock } from '../../../src/domain/clock.js';
import type { BotApiContext } from './bot-api-context.js';
import { CallbackQueryRegistry } from './callback-query-registry.js';
import { CallRecorder } from './call-recorder.js';
import { FakeBotApi } from './fake-bot-api.js';
import { listenFakeBotApi } from './fake-bot-api-server.js';
import { FakeChatState } from './fake-chat-state.js';
import { FaultInjector } from './fault-injector.js';
import { FileStore } from './file-store.js';
import { MethodDispatcher } from './method-dispatcher.js';
import { RateLimiter, type RateLimitOptions } from './rate-limiter.js';
import { UpdateQueue, type UpdateBody } from './update-queue.js';

/** How to start the fake. Every field is optional. */
export interface FakeBotApiOptions {
  /** Default: a fixed, well-formed test token; the part before ":" is the bot's user id. */
  readonly token?: string;
  /** Overrides for getMe (username, first_name, can_read_all_group_messages…). */
  readonly botInfo?: Partial<UserFromGetMe>;
  /** Enforce Telegram's flood limits with 429 + retry_after. */
  readonly rateLimit?: RateLimitOptions;
  /** Source of message `date`s (e.g. the demo's campaign clock) and of the rate limits' time; default real time. */
  readonly clock?: Clock;
  /** First update_id; give a later run a higher one if its updates reach the same inbox. */
  readonly firstUpdateId?: number;
  /**
   * Rewrites every text and caption the bot sends before the fake reads it: a test's way to give the bot
   * other wording, proving that a reader of the chats (the demo) acts on data, not on words.
   */
  readonly rewordBotText?: (text: string) => string;
}

/** A well-formed token that is obviously not a real bot's. */
export const FAKE_BOT_TOKEN = '1234567890:AAFakeTokenForTestsOnly_000000000000';

/** Start a fake Telegram Bot API on 127.0.0.1 with an ephemeral port. */
export async function startFakeBotApi(options: FakeBotApiOptions = {}): Promise<FakeBotApi> {
  const token = options.token ?? FAKE_BOT_TOKEN;
  const idPart = /^(\d+):[A-Za-z0-9_-]+$/.exec(token)?.[1];
  if (idPart === undefined)
    throw new Error('token must look like a Bot API token: "<digits>:<letters, digits, _ or ->"');
  const bot: UserFromGetMe = {
    id: Number(idPart),
    is_bot: true,
    first_name: 'Sohoa Test Bot',
    username: 'sohoa_test_bot',
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    ...options.botInfo,
  };
  const clock = options.clock;
  const nowSeconds = (): number =>
    Math.floor((clock === undefined ? Date.now() : clock.now().getTime()) / 1000);
  const updates = new UpdateQueue(options.firstUpdateId);
  const ctx: BotApiContext = {
    bot,
    token,
    nowSeconds,
    chats: new FakeChatState(),
    files: new FileStore(),
    updates,
    webhook: { url: undefined, secret: undefined },
    callbacks: new CallbackQueryRegistry(bot.id),
    commands: new Map(),
    polling: { generation: 0 },
    inject: (body: UpdateBody) => updates.push(body),
  };
  const recorder = new CallRecorder();
  const faults = new FaultInjector();
  // Limits count on the given clock (a test's manual clock paces the sender too), else on real time.
  const limiter =
    options.rateLimit === undefined
      ? undefined
      : new RateLimiter(options.rateLimit, clock === undefined ? undefined : () => clock.now().getTime());
  const dispatcher = new MethodDispatcher(ctx, faults, limiter, recorder, options.rewordBotText);
  const server = await listenFakeBotApi(ctx, dispatcher);
  return new FakeBotApi(ctx, server, dispatcher, recorder, faults);
}

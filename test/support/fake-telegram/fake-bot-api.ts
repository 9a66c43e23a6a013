import type { BotCommand, Chat, Message, Update, User, UserFromGetMe } from 'telegraf/types';
import type { BotApiContext } from './bot-api-context.js';
import type { CallbackAnswer } from './callback-query-registry.js';
import type { CallRecorder, DuplicateDelivery, RecordedCall } from './call-recorder.js';
import type { FakeBotApiHttpServer } from './fake-bot-api-server.js';
import type { Fault, FaultInjector, RandomFaults } from './fault-injector.js';
import type { BotApiStats, MethodDispatcher } from './method-dispatcher.js';
import { isSendMethod } from './method-kinds.js';
import {
  UpdateFactory,
  type GroupLike,
  type MessageRef,
  type UserDocument,
  type UserPhoto,
  type UserLike,
} from './update-factory.js';
import type { UpdateBody } from './update-queue.js';

/** Counts of what the fake answered, and the updates it still holds. */
export interface FakeBotApiStats extends BotApiStats {
  readonly pendingUpdates: number;
}

/** The fake Telegram: telegraf talks to `apiRoot`; tests drive users and inspect what the bot sent. */
export class FakeBotApi {
  readonly #users: UpdateFactory;

  /** Use startFakeBotApi(). */
  constructor(
    private readonly ctx: BotApiContext,
    private readonly server: FakeBotApiHttpServer,
    private readonly dispatcher: MethodDispatcher,
    private readonly recorder: CallRecorder,
    private readonly faultInjector: FaultInjector,
  ) {
    this.#users = new UpdateFactory(ctx);
  }

  /** `http://127.0.0.1:<port>`: pass as `new Telegraf(token, { telegram: { apiRoot } })`. */
  get apiRoot(): string {
    return this.server.apiRoot;
  }

  /** The token the fake accepts (others get 401). */
  get token(): string {
    return this.ctx.token;
  }

  /** What getMe returns; pass as telegraf's `botInfo` to skip the getMe call. */
  get botInfo(): UserFromGetMe {
    return this.ctx.bot;
  }

  /** A user object for tests (language_code "vi" unless given). */
  user(
    id: number,
    opts: { firstName?: string; lastName?: string; username?: string; languageCode?: string } = {},
  ): User {
    return {
      id,
      is_bot: false,
      first_name: opts.firstName ?? `User ${id}`,
      language_code: opts.languageCode ?? 'vi',
      ...(opts.lastName === undefined ? {} : { last_name: opts.lastName }),
      ...(opts.username === undefined ? {} : { username: opts.username }),
    };
  }

  /** A user sends text, in private unless `chat` is a group; commands get bot_command entities. */
  sendText(from: UserLike, text: string, chat?: GroupLike, opts: { replyTo?: MessageRef } = {}): Update {
    return this.#users.text(from, text, chat, opts.replyTo);
  }

  /** A user sends a file; getFile and the download route serve its bytes. */
  sendDocument(from: UserLike, document: UserDocument, chat?: GroupLike): Update {
    return this.#users.document(from, document, chat);
  }

  /** A user sends a picture as a photo; getFile and the download route serve its bytes. */
  sendPhoto(from: UserLike, photo: UserPhoto, chat?: GroupLike): Update {
    return this.#users.photo(from, photo, chat);
  }

  /** A user presses the inline button carrying `callbackData` on one of the bot's messages. */
  pressButton(from: UserLike, message: MessageRef, callbackData: string): Update {
    return this.#users.press(from, message, callbackData);
  }

  /** `from` adds the bot to a group: my_chat_member, then the new_chat_members service message. */
  addBotToGroup(from: UserLike, group: GroupLike, opts: { asAdmin?: boolean } = {}): [Update, Update] {
    return this.#users.botAdded(from, group, opts.asAdmin === true);
  }

  /** Inject any other update as is; it gets the next update_id. */
  inject(body: UpdateBody): Update {
    return this.ctx.inject(body);
  }

  /** Make a chat reachable without an update (the bot otherwise gets 403/400 for unknown chats). */
  registerChat(chat: Chat): void {
    this.ctx.chats.register(chat);
  }

  /** Every call the bot made since clear(), except getUpdates. */
  get sent(): readonly RecordedCall[] {
    return this.recorder.calls;
  }

  /** The bot's messages in a chat as the user sees them now: edits applied, deletions gone. */
  messagesTo(chatId: number): Message[] {
    return this.ctx.chats.botMessages(chatId);
  }

  /** The bot's latest message in a chat. */
  lastMessageTo(chatId: number): Message | undefined {
    return this.ctx.chats.botMessages(chatId).at(-1);
  }

  /** The first recorded call (since clear()) matching `predicate`; rejects listing what was sent. */
  waitFor(predicate: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall> {
    return this.recorder.waitFor(predicate, timeoutMs);
  }

  /** The first successful send to `chatId` whose text/caption contains `match` (or matches it). */
  waitForSend(chatId: number | string, match?: string | RegExp, timeoutMs?: number): Promise<RecordedCall> {
    return this.recorder.waitFor(
      (call) =>
        call.ok &&
        isSendMethod(call.method) &&
        call.chatId === chatId &&
        (match === undefined ||
          (typeof match === 'string' ? (call.text ?? '').includes(match) : match.test(call.text ?? ''))),
      timeoutMs,
    );
  }

  /** Forget recorded calls and the delivered log. */
  clear(): void {
    this.recorder.clear();
  }

  /** How many times exactly this text (or caption) was delivered to the chat. */
  deliveredCount(chatId: number | string, text: string): number {
    return this.recorder.deliveredCount(chatId, text);
  }

  /** (chat, text) pairs delivered more than once; `[]` means nothing was sent twice. */
  duplicateDeliveries(): DuplicateDelivery[] {
    return this.recorder.duplicateDeliveries();
  }

  /** How the bot answered a callback query (from pressButton's update). */
  callbackAnswer(callbackQueryId: string): CallbackAnswer | undefined {
    return this.ctx.callbacks.answerOf(callbackQueryId);
  }

  /** Commands set by setMyCommands for the default scope (or a `scope|lang` key). */
  myCommands(key = 'default|'): BotCommand[] {
    return this.ctx.commands.get(key) ?? [];
  }

  /** Bytes of a file Telegram holds (uploaded by the bot or sent by a user). */
  fileBytes(fileId: string): Buffer | undefined {
    return this.ctx.files.byId(fileId)?.bytes;
  }

  /** Fail the next `times` calls of `method` (`'*'`: any but getUpdates) with `fault`. */
  failNext(method: string, fault: Fault, times = 1): void {
    this.faultInjector.failNext(method, fault, times);
  }

  /** Random, seeded failures for sends/edits/answers; `null` turns them off. */
  faults(config: RandomFaults | null): void {
    this.faultInjector.setRandom(config);
  }

  /** Resolves once the bot has started polling (a getUpdates arrived); for tests and the demo. */
  async whenPolling(timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.ctx.polling.generation === 0) {
      if (Date.now() > deadline)
        throw new Error(`whenPolling: no getUpdates within ${timeoutMs} ms. ${this.recorder.describe()}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Counts of requests, 429s, 5xx, other errors and pending updates. */
  stats(): FakeBotApiStats {
    return { ...this.dispatcher.stats(), pendingUpdates: this.ctx.updates.size };
  }

  /** Stop: held long polls get `[]`, connections close. Idempotent. */
  close(): Promise<void> {
    return this.server.close();
  }
}

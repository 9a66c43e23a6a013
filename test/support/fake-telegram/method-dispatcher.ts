import type { ApiParams } from './api-params.js';
import type { BotApiContext, MethodHandler } from './bot-api-context.js';
import { BotApiError, tooManyRequests } from './bot-api-error.js';
import { botSettingsMethods } from './bot-settings-methods.js';
import type { CallRecorder, RecordedCall } from './call-recorder.js';
import type { FaultInjector } from './fault-injector.js';
import { mediaGroupMethods } from './media-group-method.js';
import { mediaMethods } from './media-methods.js';
import { messageMethods } from './message-methods.js';
import { isMessageMethod, isSendMethod } from './method-kinds.js';
import type { RateLimiter } from './rate-limiter.js';
import { updateMethods } from './update-methods.js';

const METHODS: Readonly<Record<string, MethodHandler>> = {
  ...botSettingsMethods,
  ...updateMethods,
  ...messageMethods,
  ...mediaMethods,
  ...mediaGroupMethods,
};
// Telegram matches method names case-insensitively (`sendmessage` works); record the canonical name.
const CANONICAL = new Map(Object.keys(METHODS).map((name) => [name.toLowerCase(), name]));

/** Counts of what the fake answered. */
export interface BotApiStats {
  readonly requests: number;
  readonly byMethod: Readonly<Record<string, number>>;
  /** 429 answers (injected, random or from the rate limiter). */
  readonly tooManyRequests: number;
  /** 5xx answers. */
  readonly serverErrors: number;
  /** Other 4xx answers (bad requests, 403s, unknown methods). */
  readonly clientErrors: number;
}

/** HTTP status and JSON body for one call. */
export interface DispatchResult {
  readonly status: number;
  readonly body: unknown;
}

/** Runs one Bot API call through injected faults and the rate limiter, and records it. */
export class MethodDispatcher {
  #requests = 0;
  #tooMany = 0;
  #server = 0;
  #client = 0;
  readonly #byMethod: Record<string, number> = {};

  constructor(
    private readonly ctx: BotApiContext,
    private readonly faults: FaultInjector,
    private readonly limiter: RateLimiter | undefined,
    private readonly recorder: CallRecorder,
    private readonly reword?: (text: string) => string,
  ) {}

  /** Answer one call. `readParams` runs inside so a malformed body is answered and recorded too. */
  async dispatch(
    requested: string,
    readParams: () => ApiParams,
    signal: AbortSignal,
  ): Promise<DispatchResult> {
    const at = Date.now();
    this.#requests += 1;
    const method = CANONICAL.get(requested.toLowerCase());
    let params: ApiParams | undefined;
    try {
      if (method === undefined) throw new BotApiError(404, 'Not Found');
      this.#byMethod[method] = (this.#byMethod[method] ?? 0) + 1;
      params = readParams();
      if (this.reword !== undefined && isMessageMethod(method)) params = params.withReworded(this.reword);
      const fault = this.faults.take(method);
      if (fault !== undefined) throw fault;
      if (this.limiter !== undefined && isSendMethod(method)) {
        const wait = this.limiter.tryAcquire(safeChatId(params));
        if (wait !== undefined) throw tooManyRequests(wait);
      }
      const handler = METHODS[method] as MethodHandler;
      const result: unknown = await handler(this.ctx, params, { signal });
      this.#record(method, params, at, { ok: true, result });
      return { status: 200, body: { ok: true, result } };
    } catch (thrown) {
      const error =
        thrown instanceof BotApiError
          ? thrown
          : new BotApiError(
              500,
              `Internal Server Error: ${thrown instanceof Error ? thrown.message : String(thrown)}`,
            );
      if (error.code === 429) this.#tooMany += 1;
      else if (error.code >= 500) this.#server += 1;
      else this.#client += 1;
      this.#record(method ?? requested, params, at, { ok: false, error: error.toBody() });
      return { status: error.code, body: error.toBody() };
    }
  }

  /** Counts since start. */
  stats(): BotApiStats {
    return {
      requests: this.#requests,
      byMethod: { ...this.#byMethod },
      tooManyRequests: this.#tooMany,
      serverErrors: this.#server,
      clientErrors: this.#client,
    };
  }

  #record(
    method: string,
    params: ApiParams | undefined,
    at: number,
    outcome: Pick<RecordedCall, 'ok' | 'result' | 'error'>,
  ): void {
    // Polling is Telegram's side of the conversation, not something the bot "sent"; it would drown the log.
    if (method === 'getUpdates') return;
    // Read leniently: this also runs for calls that failed because these very fields were malformed.
    const chatId = params === undefined ? undefined : safeChatId(params);
    const text = safely(() => params?.string('text') ?? params?.string('caption'));
    const replyMarkup = safely(() => params?.json('reply_markup'));
    this.recorder.record({
      method,
      params: params?.toRecord() ?? {},
      files: params?.uploadedFiles ?? [],
      at,
      ...(chatId === undefined ? {} : { chatId }),
      ...(text === undefined ? {} : { text }),
      ...(replyMarkup === undefined ? {} : { replyMarkup }),
      ...outcome,
    });
  }
}

function safeChatId(params: ApiParams): number | string | undefined {
  return safely(() => (params.has('chat_id') ? params.chatId() : undefined));
}

function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

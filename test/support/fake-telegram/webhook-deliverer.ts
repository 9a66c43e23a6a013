import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { abortableDelay as delay } from './abortable-delay.js';
import type { UpdateQueue } from './update-queue.js';

/** How hard the fake tries before giving up on an update, like Telegram's bounded retries. */
export interface WebhookRetryOptions {
  /** Attempts per update (default 5). */
  readonly maxAttempts?: number;
  /** Delay before the second attempt, doubled each time (default 100 ms). */
  readonly retryDelayMs?: number;
  /** How long to wait for the webhook to answer (default 10 s). */
  readonly timeoutMs?: number;
  /**
   * Deliver `https://` loopback URLs over plain HTTP, as a TLS-terminating proxy in front of the bot
   * would: telegraf's `launch({ webhook: { domain } })` always registers an https URL.
   */
  readonly plainHttp?: boolean;
}

/** One POST to the webhook. */
export interface WebhookAttempt {
  readonly updateId: number;
  readonly attempt: number;
  readonly status?: number;
  readonly error?: string;
  readonly at: number;
}

interface WebhookResponse {
  readonly status: number;
  readonly statusText: string;
  readonly contentType: string | undefined;
  readonly body: Buffer;
}

/** Executes a method call the bot put in its webhook response body (telegraf's webhookReply). */
export type WebhookReplyHandler = (body: Buffer, contentType: string | undefined) => Promise<void>;

/**
 * Delivers held updates to the webhook one at a time, in order. A 2xx confirms the update; anything
 * else is retried with backoff, and after `maxAttempts` the update is dropped and the error kept
 * for getWebhookInfo.
 */
export class WebhookDeliverer {
  #url: string | undefined;
  #secret: string | undefined;
  #running: Promise<void> | undefined;
  #kickedWhileRunning = false;
  #lastError: { date: number; message: string } | undefined;
  readonly #abort = new AbortController();
  readonly #attempts: WebhookAttempt[] = [];
  readonly #dropped: number[] = [];
  onReply: WebhookReplyHandler = () => Promise.resolve();

  constructor(
    private readonly queue: UpdateQueue,
    private readonly options: WebhookRetryOptions,
    private readonly nowSeconds: () => number,
  ) {}

  /** Point deliveries at `url` (with the secret header if given) and start sending held updates. */
  set(url: string, secret: string | undefined): void {
    this.#url = url;
    this.#secret = secret;
    this.#lastError = undefined;
    this.kick();
  }

  /** Stop delivering; held updates stay for getUpdates. */
  unset(): void {
    this.#url = undefined;
    this.#secret = undefined;
  }

  /** The webhook URL, if one is set. */
  get url(): string | undefined {
    return this.#url;
  }

  /** Every POST made so far. */
  get attempts(): readonly WebhookAttempt[] {
    return this.#attempts;
  }

  /** Update ids given up on after every attempt failed. */
  get dropped(): readonly number[] {
    return this.#dropped;
  }

  /** The last delivery failure, for getWebhookInfo. */
  get lastError(): { date: number; message: string } | undefined {
    return this.#lastError;
  }

  /** Deliver whatever is held now (called after each injected update). */
  kick(): void {
    if (this.#url === undefined || this.#abort.signal.aborted) return;
    if (this.#running !== undefined) {
      this.#kickedWhileRunning = true;
      return;
    }
    this.#running = this.#loop().finally(() => {
      this.#running = undefined;
      if (this.#kickedWhileRunning) {
        this.#kickedWhileRunning = false;
        this.kick();
      }
    });
  }

  /** Resolves once nothing is being delivered (the queue is empty or the webhook gave up). */
  async idle(): Promise<void> {
    while (this.#running !== undefined) await this.#running;
  }

  /** Abort in-flight POSTs and retries. */
  async close(): Promise<void> {
    this.#abort.abort();
    await this.idle();
  }

  async #loop(): Promise<void> {
    const { maxAttempts = 5, retryDelayMs = 100, timeoutMs = 10_000 } = this.options;
    for (;;) {
      const url = this.#url;
      const update = this.queue.peek();
      if (url === undefined || update === undefined || this.#abort.signal.aborted) return;
      let delivered = false;
      for (let attempt = 1; attempt <= maxAttempts && !delivered; attempt += 1) {
        if (attempt > 1) await delay(retryDelayMs * 2 ** (attempt - 2), this.#abort.signal);
        // The webhook was removed or replaced meanwhile: leave the update held for the new owner.
        if (this.#url !== url || this.#abort.signal.aborted) return;
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (this.#secret !== undefined) headers['x-telegram-bot-api-secret-token'] = this.#secret;
        try {
          const target = this.options.plainHttp === true ? url.replace(/^https:/i, 'http:') : url;
          const response = await post(target, JSON.stringify(update), headers, timeoutMs, this.#abort.signal);
          this.#attempts.push({
            updateId: update.update_id,
            attempt,
            status: response.status,
            at: Date.now(),
          });
          if (response.status >= 200 && response.status < 300) {
            delivered = true;
            this.queue.remove(update.update_id);
            if (response.body.length > 0)
              await this.onReply(response.body, response.contentType).catch(() => undefined);
          } else {
            this.#fail(`Wrong response from the webhook: ${response.status} ${response.statusText}`);
          }
        } catch (error) {
          if (this.#abort.signal.aborted) return;
          const message = error instanceof Error ? error.message : String(error);
          this.#attempts.push({ updateId: update.update_id, attempt, error: message, at: Date.now() });
          this.#fail(message.includes('ECONNREFUSED') ? 'Connection refused' : message);
        }
      }
      if (!delivered) {
        this.queue.remove(update.update_id);
        this.#dropped.push(update.update_id);
      }
    }
  }

  #fail(message: string): void {
    this.#lastError = { date: this.nowSeconds(), message };
  }
}

function post(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<WebhookResponse> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    // agent:false — no pooled keep-alive sockets left behind to hold the test's server open.
    const req = send(
      target,
      { method: 'POST', headers, agent: false, signal, timeout: timeoutMs, rejectUnauthorized: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            statusText: res.statusMessage ?? '',
            contentType: res.headers['content-type'],
            body: Buffer.concat(chunks),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('Read timeout expired')));
    req.on('error', reject);
    req.end(body);
  });
}

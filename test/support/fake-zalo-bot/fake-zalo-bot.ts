import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../../../src/domain/clock.js';

// A fake Zalo Bot Platform API on 127.0.0.1, only what sohoa uses, with the wire shapes of docs/zalo.md:
// `POST /bot<token>/<method>`, `{ok, result}` replies, errors as `{ok:false, error_code, description}`;
// getUpdates hands out ONE update per call and answers 408 when there is none; sendPhoto takes a URL
// and the fake fetches it (a chart whose address does not serve an image fails like it would on Zalo).

/** A Zalo user as the fake knows them. */
export interface ZaloUser {
  readonly id: string;
  readonly display_name: string;
}

/** One update, as getUpdates returns it and the webhook posts it (inside `result`). */
export interface FakeZaloUpdate {
  readonly event_name: string;
  readonly message: Record<string, unknown>;
}

/** What the bot sent, in order. */
export type ZaloSent =
  | {
      readonly method: 'sendMessage';
      readonly chat_id: string;
      readonly text: string;
      readonly message_id: string;
    }
  | {
      readonly method: 'sendPhoto';
      readonly chat_id: string;
      readonly photo: string;
      readonly caption: string | undefined;
      /** The bytes the fake fetched from `photo`. */
      readonly bytes: Buffer;
      readonly message_id: string;
    };

/** An error the fake answers instead of running a method. */
export interface ZaloFault {
  readonly error_code: number;
  readonly description: string;
  /** The HTTP status (Zalo's own is not always the error code); default the error code. */
  readonly status?: number;
}

/** One webhook POST the fake made, and what the bot answered. */
export interface WebhookDelivery {
  readonly update: FakeZaloUpdate;
  readonly status: number;
}

const json = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};

const fail = (res: ServerResponse, fault: ZaloFault): void =>
  json(res, fault.status ?? fault.error_code, {
    ok: false,
    error_code: fault.error_code,
    description: fault.description,
  });

async function readParams(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  const query = Object.fromEntries(new URL(req.url ?? '/', 'http://x').searchParams);
  const type = req.headers['content-type'] ?? '';
  if (body === '') return query;
  if (type.includes('application/json'))
    return { ...query, ...(JSON.parse(body) as Record<string, unknown>) };
  if (type.includes('application/x-www-form-urlencoded'))
    return { ...query, ...Object.fromEntries(new URLSearchParams(body)) };
  throw new Error(`unsupported content type ${type}`);
}

/** The fake server. Start it with `startFakeZaloBot()`; drive it from the test. */
export class FakeZaloBot {
  readonly token = '1234567890:fake-zalo-bot-token-for-tests';
  readonly sent: ZaloSent[] = [];
  /** Every method call, in order (name and parameters). */
  readonly calls: { method: string; params: Record<string, unknown> }[] = [];
  readonly webhookDeliveries: WebhookDelivery[] = [];
  /** Users whose chats refuse the bot's messages (they blocked it): 403. */
  readonly blocked = new Set<string>();
  /** How the webhook wraps an update: as the docs show, or bare as another client saw it. */
  webhookShape: 'wrapped' | 'bare' = 'wrapped';
  /** A long poll waits at most this long (real time) before answering 408: keeps tests quick. */
  maxPollWaitMs = 200;
  #server: Server | undefined;
  #queue: FakeZaloUpdate[] = [];
  #waiters = new Set<() => void>();
  #faults = new Map<string, ZaloFault[]>();
  #webhook: { url: string; secret: string } | undefined;
  #nextId = 1;

  constructor(
    private readonly clock?: Clock,
    /** Tests only: rewrites every text and caption the bot sends as the fake receives it. */
    private readonly rewordBotText: (text: string) => string = (text) => text,
  ) {}

  /** `<root>`, to give the bot as ZALO_BOT_API_ROOT. */
  get apiRoot(): string {
    const address = this.#server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('the fake Zalo Bot API is not listening');
    return `http://127.0.0.1:${address.port}`;
  }

  /** The webhook currently set, if any. */
  get webhook(): { url: string; secret: string } | undefined {
    return this.#webhook;
  }

  /** Updates waiting to be fetched with getUpdates. */
  get pending(): number {
    return this.#queue.length;
  }

  async listen(): Promise<this> {
    this.#server = createServer((req, res) => {
      this.#handle(req, res).catch((error: unknown) =>
        json(res, 500, { ok: false, description: String(error) }),
      );
    });
    this.#server.listen(0, '127.0.0.1');
    await once(this.#server, 'listening');
    return this;
  }

  async close(): Promise<void> {
    for (const wake of this.#waiters) wake();
    const server = this.#server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  user(id: string, name: string): ZaloUser {
    return { id, display_name: name };
  }

  /** The next `times` calls of `method` fail with `fault` (e.g. 429 «Quota exceeded»). */
  failNext(method: string, fault: ZaloFault, times = 1): void {
    const list = this.#faults.get(method) ?? [];
    for (let i = 0; i < times; i++) list.push(fault);
    this.#faults.set(method, list);
  }

  /** Zalo's quota error. */
  static readonly QUOTA: ZaloFault = { error_code: 429, description: 'Quota exceeded' };

  /** A text from `from` in their private chat with the bot. */
  sendText(from: ZaloUser, text: string): Promise<FakeZaloUpdate> {
    return this.push('message.text.received', from, { text });
  }

  /** A photo (Zalo gives a URL; the fake's is not fetched by the bot). */
  sendImage(from: ZaloUser, caption = ''): Promise<FakeZaloUpdate> {
    return this.push('message.image.received', from, {
      message_type: 'CHAT_PHOTO',
      caption,
      photo_url: `https://photo.zalo.example/${this.#nextId}.jpg`,
    });
  }

  /** A file (or anything Zalo will not pass on): no content, no link. */
  sendUnsupported(from: ZaloUser): Promise<FakeZaloUpdate> {
    return this.push('message.unsupported.received', from, {});
  }

  sendSticker(from: ZaloUser): Promise<FakeZaloUpdate> {
    return this.push('message.sticker.received', from, { sticker: 'abc', url: 'https://sticker.example/1' });
  }

  /**
   * Queues an update for getUpdates or, with a webhook set, POSTs it there (with the secret header) and
   * resolves once the bot answered. `message_id` may be given to replay the same message.
   */
  async push(
    event_name: string,
    from: ZaloUser,
    fields: Record<string, unknown>,
    message_id = this.#messageId(),
  ): Promise<FakeZaloUpdate> {
    const update: FakeZaloUpdate = {
      event_name,
      message: {
        from: { ...from, is_bot: false },
        chat: { id: from.id, chat_type: 'PRIVATE' },
        message_id,
        date: this.#now(),
        ...fields,
      },
    };
    if (this.#webhook) {
      await this.postToWebhook(update);
    } else {
      this.#queue.push(update);
      for (const wake of this.#waiters) wake();
    }
    return update;
  }

  /**
   * POSTs an update to the webhook (again, to test retries), with the secret set, another one, or
   * (null) no secret header at all.
   */
  async postToWebhook(update: FakeZaloUpdate, secret?: string | null): Promise<number> {
    if (!this.#webhook) throw new Error('no webhook set');
    if (secret === undefined) secret = this.#webhook.secret;
    const response = await fetch(this.#webhook.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(secret === null ? {} : { 'x-bot-api-secret-token': secret }),
      },
      body: JSON.stringify(this.webhookShape === 'wrapped' ? { ok: true, result: update } : update),
    });
    await response.arrayBuffer();
    this.webhookDeliveries.push({ update, status: response.status });
    return response.status;
  }

  /** Texts sent to a chat, in order. */
  textsTo(chatId: string): string[] {
    return this.sent.flatMap((s) => (s.chat_id === chatId && s.method === 'sendMessage' ? [s.text] : []));
  }

  /** The last text sent to a chat ('' when none). */
  lastTextTo(chatId: string): string {
    return this.textsTo(chatId).at(-1) ?? '';
  }

  /** Photos sent to a chat, in order. */
  photosTo(chatId: string): Extract<ZaloSent, { method: 'sendPhoto' }>[] {
    return this.sent.flatMap((s) => (s.chat_id === chatId && s.method === 'sendPhoto' ? [s] : []));
  }

  /** Unique ids (a padding that is itself a hex digit would make «a» and «aa» the same id). */
  #messageId(): string {
    return (this.#nextId++).toString(16).padStart(20, '0');
  }

  #now(): number {
    return this.clock ? this.clock.now().getTime() : Date.now();
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const match = /^\/bot([^/]+)\/([A-Za-z]+)/.exec(new URL(req.url ?? '/', 'http://x').pathname);
    if (!match) return json(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    const [, token, method = ''] = match;
    if (token !== this.token) return fail(res, { error_code: 401, description: 'Unauthorized' });
    let params: Record<string, unknown>;
    try {
      params = await readParams(req);
    } catch (error) {
      return fail(res, { error_code: 400, description: String(error) });
    }
    this.calls.push({ method, params });
    const fault = this.#faults.get(method)?.shift();
    if (fault) return fail(res, fault);
    switch (method) {
      case 'getMe':
        return json(res, 200, {
          ok: true,
          result: {
            id: '1459232241454765289',
            account_name: 'bot.SohoaTest',
            account_type: 'BASIC',
            can_join_groups: false,
          },
        });
      case 'getUpdates':
        return this.#getUpdates(req, res, params);
      case 'setWebhook': {
        const url = String(params.url ?? '');
        const secret = String(params.secret_token ?? '');
        if (!/^https?:\/\//.test(url))
          return fail(res, { error_code: 400, description: 'The url is invalid' });
        if (secret.length < 8 || secret.length > 256)
          return fail(res, { error_code: 400, description: 'secret_token must be 8-256 characters' });
        this.#webhook = { url, secret };
        return json(res, 200, { ok: true, result: { url, updated_at: this.#now() } });
      }
      case 'deleteWebhook':
        this.#webhook = undefined;
        return json(res, 200, { ok: true, result: { url: '', updated_at: this.#now() } });
      case 'getWebhookInfo':
        return this.#webhook
          ? json(res, 200, { ok: true, result: { url: this.#webhook.url, updated_at: this.#now() } })
          : fail(res, { error_code: 404, description: 'Not Found' });
      case 'sendMessage':
        return this.#sendMessage(res, params);
      case 'sendPhoto':
        return this.#sendPhoto(res, params);
      case 'sendChatAction':
        return json(res, 200, { ok: true });
      default:
        return fail(res, { error_code: 404, description: 'Not Found' });
    }
  }

  async #getUpdates(
    req: IncomingMessage,
    res: ServerResponse,
    params: Record<string, unknown>,
  ): Promise<void> {
    if (this.#webhook)
      return fail(res, {
        error_code: 400,
        description: 'getUpdates is not available while a webhook is set',
      });
    const seconds = Number(params.timeout ?? 30);
    if (this.#queue.length === 0 && seconds > 0) {
      // Waits for an update, for the asked time capped by maxPollWaitMs, or until the client goes away.
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.#waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, Math.min(seconds * 1000, this.maxPollWaitMs));
        this.#waiters.add(done);
        req.socket.once('close', done);
      });
    }
    if (res.destroyed) return;
    const update = this.#queue.shift();
    if (!update) return fail(res, { error_code: 408, description: 'Request timeout' });
    return json(res, 200, { ok: true, result: update });
  }

  #sendMessage(res: ServerResponse, params: Record<string, unknown>): void {
    const chat_id = String(params.chat_id ?? '');
    const text = typeof params.text === 'string' ? params.text : '';
    if (this.blocked.has(chat_id))
      return fail(res, { error_code: 403, description: 'Forbidden: user blocked the bot' });
    if (text.length === 0 || text.length > 2000)
      return fail(res, { error_code: 400, description: 'text must be 1-2000 characters' });
    const message_id = this.#messageId();
    this.sent.push({ method: 'sendMessage', chat_id, text: this.rewordBotText(text), message_id });
    json(res, 200, { ok: true, result: { message_id, date: this.#now() } });
  }

  async #sendPhoto(res: ServerResponse, params: Record<string, unknown>): Promise<void> {
    const chat_id = String(params.chat_id ?? '');
    const photo = typeof params.photo === 'string' ? params.photo : '';
    const caption = typeof params.caption === 'string' ? params.caption : undefined;
    if (this.blocked.has(chat_id))
      return fail(res, { error_code: 403, description: 'Forbidden: user blocked the bot' });
    if (photo === '') return fail(res, { error_code: 400, description: 'The photo must not be empty' });
    if (!/^https?:\/\//.test(photo))
      return fail(res, { error_code: 400, description: 'The photo must start with http:// or https://' });
    if (caption !== undefined && caption.length > 2000)
      return fail(res, { error_code: 400, description: 'caption must be at most 2000 characters' });
    let bytes: Buffer;
    try {
      const fetched = await fetch(photo);
      if (!fetched.ok) throw new Error(String(fetched.status));
      bytes = Buffer.from(await fetched.arrayBuffer());
    } catch {
      return fail(res, { error_code: 400, description: 'The photo URL is invalid' });
    }
    const message_id = this.#messageId();
    this.sent.push({
      method: 'sendPhoto',
      chat_id,
      photo,
      caption: caption === undefined ? undefined : this.rewordBotText(caption),
      bytes,
      message_id,
    });
    json(res, 200, { ok: true, result: { message_id, date: this.#now() } });
  }
}

/** Starts a fake Zalo Bot API on 127.0.0.1 with an ephemeral port. */
export function startFakeZaloBot(
  options: { clock?: Clock; rewordBotText?: (text: string) => string } = {},
): Promise<FakeZaloBot> {
  return new FakeZaloBot(options.clock, options.rewordBotText).listen();
}

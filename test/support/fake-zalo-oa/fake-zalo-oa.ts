import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebhookReceiver, WebhookResponse } from '../../../src/channels/webhook-receiver.js';
import { zaloOaSignature } from '../../../src/channels/zalo-oa/zalo-oa-signature.js';
import type { Clock } from '../../../src/domain/clock.js';
import { routeFakeOa } from './fake-zalo-oa-routes.js';
import { FakeOaState } from './fake-zalo-oa-state.js';

/** The fake's app: what an agency would paste into sohoa's environment. */
export const FAKE_OA_APP = {
  appId: '360846524940903967',
  appSecret: 'app-secret',
  secretKey: 'oa-secret-key',
};
const OA_ID = '388613280878808645';

/**
 * A fake Zalo Official Account on 127.0.0.1: the Open API's send, upload and token routes, the files
 * people send (links that expire), and signed webhook events posted to sohoa's receiver.
 */
export class FakeZaloOa {
  readonly state: FakeOaState;
  #seq = 0;

  constructor(
    private readonly server: Server,
    readonly root: string,
    private readonly clock: Clock,
  ) {
    this.state = new FakeOaState(clock);
  }

  /** The config sohoa runs with against this fake. */
  config(tokenKey = 'test-token-key') {
    return { ...FAKE_OA_APP, tokenKey, apiRoot: this.root, oauthRoot: this.root };
  }

  /** An event as Zalo would post it, at the clock's now. */
  event(eventName: string, fields: Record<string, unknown>): Record<string, unknown> {
    return {
      app_id: FAKE_OA_APP.appId,
      event_name: eventName,
      timestamp: String(this.clock.now().getTime()),
      ...fields,
    };
  }

  /** A person's text. Writing opens their free window (the fake charges by it). */
  userText(userId: string, text: string): Record<string, unknown> {
    this.state.lastMessageAt.set(userId, this.clock.now());
    return this.event('user_send_text', {
      sender: { id: userId },
      recipient: { id: OA_ID },
      message: { text, msg_id: this.#msgId() },
    });
  }

  /** A person's file: hosted here behind a link that expires after `ttlMs`. */
  userFile(
    userId: string,
    name: string,
    bytes: Buffer,
    opts: { ttlMs?: number; declaredSize?: number } = {},
  ) {
    this.state.lastMessageAt.set(userId, this.clock.now());
    const key = this.state.hostFile(bytes, opts.ttlMs ?? 3_600_000);
    return this.event('user_send_file', {
      sender: { id: userId },
      recipient: { id: OA_ID },
      message: {
        msg_id: this.#msgId(),
        attachments: [
          {
            type: 'file',
            payload: {
              url: `${this.root}/files/${key}`,
              name,
              size: String(opts.declaredSize ?? bytes.length),
              type: name.split('.').pop() ?? '',
              checksum: 'x',
            },
          },
        ],
      },
    });
  }

  /**
   * A person's photo (`user_send_image`): the image and its thumbnail hosted here behind links that
   * expire after `ttlMs`, as Zalo's do; `text` is what they wrote with it (_unconfirmed_ on Zalo).
   */
  userImage(
    userId: string,
    bytes: Buffer,
    opts: { ttlMs?: number; thumbnail?: Buffer; text?: string } = {},
  ): Record<string, unknown> {
    this.state.lastMessageAt.set(userId, this.clock.now());
    const ttlMs = opts.ttlMs ?? 3_600_000;
    const key = this.state.hostFile(bytes, ttlMs);
    // A thumbnail is a much smaller picture: too small to convert, so using it by mistake shows.
    const thumbnail = this.state.hostFile(opts.thumbnail ?? bytes.subarray(0, 1024), ttlMs);
    return this.event('user_send_image', {
      sender: { id: userId },
      recipient: { id: OA_ID },
      message: {
        msg_id: this.#msgId(),
        ...(opts.text === undefined ? {} : { text: opts.text }),
        attachments: [
          {
            type: 'image',
            payload: { url: `${this.root}/files/${key}`, thumbnail: `${this.root}/files/${thumbnail}` },
          },
        ],
      },
    });
  }

  /** A text written in a group the OA manages (GMF). */
  groupText(groupId: string, userId: string, text: string): Record<string, unknown> {
    this.state.groups.add(groupId);
    return this.event('user_send_group_text', {
      sender: { id: userId },
      recipient: { id: groupId },
      message: { text, msg_id: this.#msgId() },
    });
  }

  /** Signs an event's exact bytes as Zalo does. */
  sign(event: Record<string, unknown>, secretKey = FAKE_OA_APP.secretKey) {
    const rawBody = Buffer.from(JSON.stringify(event));
    const signature = zaloOaSignature(FAKE_OA_APP.appId, rawBody, String(event.timestamp), secretKey);
    return { headers: { 'x-zevent-signature': signature, 'content-type': 'application/json' }, rawBody };
  }

  /** Posts a signed event to a receiver, as Zalo's servers would. */
  post(receiver: WebhookReceiver, event: Record<string, unknown>): Promise<WebhookResponse> {
    return receiver.handle(this.sign(event));
  }

  /** The texts the OA sent a person or group, in order. */
  textsTo(to: { userId?: string; groupId?: string }): string[] {
    return this.state.sent
      .filter((s) => s.messageId !== '' && s.to.userId === to.userId && s.to.groupId === to.groupId)
      .map((s) => s.message.text)
      .filter((t): t is string => typeof t === 'string');
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  #msgId(): string {
    return `msg${(++this.#seq).toString(16).padStart(16, '0')}`;
  }
}

/** Starts the fake OA on a free port of 127.0.0.1. */
export async function startFakeZaloOa(clock: Clock): Promise<FakeZaloOa> {
  const started: { fake?: FakeZaloOa } = {};
  const server = createServer((req, res) => {
    if (!started.fake) return void res.writeHead(503).end();
    routeFakeOa(started.fake.state, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const fake = new FakeZaloOa(server, `http://127.0.0.1:${port}`, clock);
  started.fake = fake;
  return fake;
}

import { once } from 'node:events';
import { createServer } from 'node:net';
import { pino } from 'pino';
import type { Db } from '../../../src/db/database.js';
import { getCampaign } from '../../../src/services/campaign.service.js';
import { createHttpServer } from '../../../src/web/http-server.js';
import { createWebDeps, type WebDeps } from '../../../src/web/web-deps.js';
import { registerWebRoutes } from '../../../src/web/web-routes.js';
import type { UserLike } from '../../support/fake-telegram/index.js';
import { startChat, type ChatFixture } from '../../support/chat-fixture.js';

/** A port nothing listens on right now (the base URL must be known before the bot starts). */
async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** An answer as the tests read it: status, headers, body text; redirects are not followed. */
export interface WebAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly bytes: Buffer;
}

/** The chat fixture, the one HTTP server with the web side on 127.0.0.1, and every log line written. */
export interface WebFixture extends ChatFixture {
  readonly baseUrl: string;
  readonly deps: WebDeps;
  /** Every log line the server wrote (debug and up), to check that no secret is logged. */
  readonly logs: string[];
  /** Sends /web from `user` in the private chat and returns the link the bot answered with. */
  linkFor(user: UserLike): Promise<string>;
  /** Opens a personal link; returns the answer and the session cookie it set ('' when none). */
  open(link: string): Promise<{ answer: WebAnswer; cookie: string }>;
  get(path: string, cookie?: string): Promise<WebAnswer>;
  post(path: string, form: Record<string, string>, cookie?: string): Promise<WebAnswer>;
  close(): Promise<void>;
}

async function answerOf(res: Response): Promise<WebAnswer> {
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, text: bytes.toString('utf8'), bytes };
}

/** Starts the chat fixture with `/web` on, and the server with the web side, at `at` (a ManualClock). */
export async function startWebFixture(db: Db, at?: string): Promise<WebFixture> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const chat = await startChat(db, at, { webBaseUrl: baseUrl });
  const logs: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void logs.push(line) });
  const deps = await createWebDeps({
    db,
    clock: chat.clock,
    logger,
    baseUrl,
    configuredSecret: undefined,
    campaigns: [await getCampaign(db)],
  });
  const { server } = createHttpServer({
    db,
    logger,
    receivers: [],
    web: (app) => registerWebRoutes(app, deps),
  });
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  const get = async (path: string, cookie?: string) =>
    answerOf(await fetch(`${baseUrl}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} }));
  const post = async (path: string, form: Record<string, string>, cookie?: string) =>
    answerOf(
      await fetch(`${baseUrl}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
        body: new URLSearchParams(form).toString(),
      }),
    );
  return {
    ...chat,
    baseUrl,
    deps,
    logs,
    get,
    post,
    async linkFor(user) {
      const text = await chat.sayAs(user, '/web');
      const link = text.match(/https?:\/\/\S+\/l\/[\w-]+/)?.[0];
      if (!link) throw new Error(`no link in: ${text}`);
      return link;
    },
    async open(link) {
      const answer = await get(new URL(link).pathname);
      const setCookie = answer.headers.get('set-cookie') ?? '';
      return { answer, cookie: setCookie.split(';')[0] ?? '' };
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await chat.harness.close();
    },
  };
}

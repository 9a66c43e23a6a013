import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BotApiContext } from './bot-api-context.js';
import { BotApiError } from './bot-api-error.js';
import type { MethodDispatcher } from './method-dispatcher.js';
import { parseRequestParams, readBody } from './request-body-parser.js';

/** The listening HTTP side of the fake. */
export interface FakeBotApiHttpServer {
  /** `http://127.0.0.1:<port>` — give it to telegraf as `telegram.apiRoot`. */
  readonly apiRoot: string;
  /** Release held long polls, drop connections, stop listening. */
  close(): Promise<void>;
}

const NOT_FOUND = new BotApiError(404, 'Not Found');
const UNAUTHORIZED = new BotApiError(401, 'Unauthorized');

/** Listen on 127.0.0.1 with an ephemeral port and route `/bot<token>/<method>` and `/file/bot<token>/<path>`. */
export async function listenFakeBotApi(
  ctx: BotApiContext,
  dispatcher: MethodDispatcher,
): Promise<FakeBotApiHttpServer> {
  const closing = new AbortController();
  const active = new Set<Promise<void>>();
  const server = createServer((request, response) => {
    const handled = route(ctx, dispatcher, request, response, closing.signal).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      send(response, 500, { ok: false, error_code: 500, description: `Internal Server Error: ${message}` });
    });
    active.add(handled);
    void handled.finally(() => active.delete(handled));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;
  return {
    apiRoot: `http://127.0.0.1:${port}`,
    close: () => (closed ??= shutDown(server, closing, active, ctx)),
  };
}

async function route(
  ctx: BotApiContext,
  dispatcher: MethodDispatcher,
  request: IncomingMessage,
  response: ServerResponse,
  closing: AbortSignal,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
  if (download !== null) {
    request.resume();
    if (download[1] !== ctx.token) return send(response, 401, UNAUTHORIZED.toBody());
    const file = ctx.files.byPath(decodeURIComponent(download[2] ?? ''));
    if (file === undefined || (request.method !== 'GET' && request.method !== 'HEAD'))
      return send(response, 404, NOT_FOUND.toBody());
    response.writeHead(200, {
      'content-type': file.mimeType ?? 'application/octet-stream',
      'content-length': file.bytes.length,
    });
    response.end(request.method === 'HEAD' ? undefined : file.bytes);
    return;
  }
  const call = /^\/bot([^/]+)\/([^/]*)$/.exec(url.pathname);
  if (call === null) {
    request.resume();
    return send(response, 404, NOT_FOUND.toBody());
  }
  if (call[1] !== ctx.token) {
    request.resume();
    return send(response, 401, UNAUTHORIZED.toBody());
  }
  let body: Buffer;
  try {
    body = await readBody(request);
  } catch (error) {
    if (error instanceof BotApiError) return send(response, error.code, error.toBody());
    throw error;
  }
  // Aborted when the client gives up (telegraf's bot.stop() aborts its long poll) or on close().
  const gone = new AbortController();
  response.on('close', () => {
    if (!response.writableFinished) gone.abort();
  });
  const signal = AbortSignal.any([gone.signal, closing]);
  const contentType = request.headers['content-type'];
  const result = await dispatcher.dispatch(
    call[2] ?? '',
    () => parseRequestParams(body, contentType, url.searchParams),
    signal,
  );
  send(response, result.status, result.body);
}

function send(response: ServerResponse, status: number, body: unknown): void {
  if (response.destroyed || response.writableEnded) return;
  const json = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(json),
  });
  response.end(json);
}

async function shutDown(
  server: Server,
  closing: AbortController,
  active: Set<Promise<void>>,
  ctx: BotApiContext,
): Promise<void> {
  closing.abort(); // held getUpdates answer [] now; loopback downloads end
  ctx.updates.wake();
  // Give answered long polls a moment to flush; then drop keep-alive sockets so close() returns.
  await Promise.race([
    Promise.allSettled([...active]),
    new Promise((resolve) => setTimeout(resolve, 1000).unref()),
  ]);
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

import { createServer, type Server } from 'node:http';
import Fastify, { type FastifyInstance } from 'fastify';
import type { WebhookReceiver } from '../channels/webhook-receiver.js';
import type { Logger } from '../config/logger.js';
import type { Db } from '../db/database.js';
import { registerHealthRoutes, type LoopHealth } from './health-routes.js';
import { addSecurityHeaders } from './security-headers.js';
import { registerWebhookRoutes } from './webhook-routes.js';

/** The process's one HTTP server: the Node server to listen with, and the Fastify app behind it. */
export interface HttpServer {
  readonly server: Server;
  readonly app: FastifyInstance;
  /** Resolves once every route is registered (requests that arrive before wait for it). */
  readonly ready: Promise<void>;
}

/** What the one HTTP server serves. */
export interface HttpServerDeps {
  readonly db: Db;
  readonly logger: Logger;
  /** Every channel's webhook intake (Telegram, Zalo…), mounted at its path. */
  readonly receivers: readonly WebhookReceiver[];
  /** The loops' state; without it (tests of intake alone) the endpoints report the server only. */
  readonly health?: LoopHealth;
  /** The web pages (when WEB_BASE_URL is set): registered inside the same app. */
  readonly web?: (app: FastifyInstance) => Promise<void>;
  /** Behind a reverse proxy: the client address comes from X-Forwarded-For (rate limits per IP). */
  readonly trustProxy?: boolean;
}

/**
 * Builds the server for webhooks, `/healthz`, `/readyz` and the web side. The Node server is returned
 * before Fastify has finished registering routes so that the caller listens at once (updates a platform
 * sends as soon as its webhook is set must be stored, not refused); requests wait for `ready`.
 */
export function createHttpServer(deps: HttpServerDeps): HttpServer {
  let ready: Promise<void> = Promise.resolve();
  const app = Fastify({
    logger: false,
    trustProxy: deps.trustProxy ?? false,
    // Routes are looked up on the raw path; `/l/<token>?x` and `/l/<token>` are the same link.
    serverFactory: (handler) =>
      createServer((req, res) => {
        ready.then(
          () => handler(req, res),
          () => res.writeHead(503).end(),
        );
      }),
  });
  addSecurityHeaders(app);
  app.addHook('onResponse', async (request, reply) => {
    // The route's pattern, never the URL: links and signed media addresses carry secrets.
    deps.logger.debug(
      { method: request.method, route: request.routeOptions.url ?? null, status: reply.statusCode },
      'http request',
    );
  });
  app.setErrorHandler((error, _request, reply) => {
    const code = (error as { statusCode?: unknown } | null)?.statusCode;
    const status = typeof code === 'number' && code >= 400 && code < 500 ? code : 500;
    if (status >= 500) deps.logger.error({ err: error }, 'http request failed');
    return reply
      .code(status)
      .type('text/plain; charset=utf-8')
      .send(status >= 500 ? 'error' : 'bad request');
  });
  registerHealthRoutes(app, deps);
  ready = (async () => {
    await registerWebhookRoutes(app, deps);
    if (deps.web) await app.register(async (scope) => deps.web?.(scope));
    await app.ready();
  })();
  ready.catch((error: unknown) => deps.logger.error({ err: error }, 'http routes not registered'));
  return { server: app.server, app, ready };
}

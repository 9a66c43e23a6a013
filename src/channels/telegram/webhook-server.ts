import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Logger } from '../../config/logger.js';
import type { Clock } from '../../domain/clock.js';
import type { Db } from '../../db/database.js';
import { pingDatabase } from '../../db/health.repository.js';
import { insertInboxUpdate } from '../../db/inbox.repository.js';

const MAX_BODY_BYTES = 1_048_576;
/** How long /readyz waits for the database before saying "not ready". */
const READY_DB_TIMEOUT_MS = 2_000;

/** The service's loops as the health endpoints see them (see ServiceLoops). */
export interface LoopHealth {
  /** False once a loop has stopped or the service is stopping: the process should be restarted. */
  alive(): boolean;
  /** True once every loop has started and while all run. */
  running(): boolean;
}

function secretMatches(header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== 'string') return false;
  const given = Buffer.from(header);
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * The webhook endpoint: checks Telegram's secret-token header (401 and nothing stored when it is wrong),
 * stores the update in the inbox, and only then answers 200 — a 5xx makes Telegram send it again.
 */
export function createWebhookServer(deps: {
  path: string;
  secret: string;
  db: Db;
  clock: Clock;
  logger: Logger;
  onStored: () => void;
  /** The loops' state; without it (tests of intake alone) the endpoints report the server only. */
  health?: LoopHealth;
}): Server {
  return createServer((req, res) => {
    void (async () => {
      if (req.method === 'GET' && req.url === '/healthz') {
        // Liveness: a process whose loops died must be restarted, so it must not say "ok".
        const alive = deps.health?.alive() ?? true;
        res.writeHead(alive ? 200 : 503, { 'content-type': 'text/plain' }).end(alive ? 'ok' : 'stopped');
        return;
      }
      if (req.method === 'GET' && req.url === '/readyz') {
        // Readiness, for a proxy: send updates here only when they can be stored and will be handled.
        const problem = await notReady(deps);
        res.writeHead(problem ? 503 : 200, { 'content-type': 'text/plain' }).end(problem ?? 'ready');
        return;
      }
      if (req.method !== 'POST' || req.url?.split('?')[0] !== deps.path) {
        res.writeHead(404).end();
        return;
      }
      if (!secretMatches(req.headers['x-telegram-bot-api-secret-token'], deps.secret)) {
        deps.logger.warn({ ip: req.socket.remoteAddress }, 'webhook call with a wrong secret token');
        res.writeHead(401).end();
        return;
      }
      const body = await readBody(req);
      let update: { update_id?: unknown } | undefined;
      try {
        update = body ? (JSON.parse(body.toString('utf8')) as { update_id?: unknown }) : undefined;
      } catch {
        update = undefined;
      }
      // Telegram's ids are non-negative integers; anything else would fail in the database (a 500).
      if (!update || !Number.isSafeInteger(update.update_id) || (update.update_id as number) < 0) {
        res.writeHead(400).end();
        return;
      }
      await insertInboxUpdate(deps.db, {
        platform: 'telegram',
        update_id: update.update_id as number,
        payload: update,
        received_at: deps.clock.now(),
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      deps.onStored();
    })().catch((error: unknown) => {
      deps.logger.error({ err: error }, 'webhook update not stored');
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
}

async function notReady(deps: { db: Db; health?: LoopHealth }): Promise<string | undefined> {
  if (deps.health && !deps.health.running()) return 'loops not running';
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve('database timeout'), READY_DB_TIMEOUT_MS);
  });
  try {
    return await Promise.race([pingDatabase(deps.db).then(() => undefined), timeout]);
  } catch {
    return 'database unavailable';
  } finally {
    clearTimeout(timer);
  }
}

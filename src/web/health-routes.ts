import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/database.js';
import { pingDatabase } from '../db/health.repository.js';

/** How long /readyz waits for the database before saying "not ready". */
const READY_DB_TIMEOUT_MS = 2_000;

/** The service's loops as the health endpoints see them (see ServiceLoops). */
export interface LoopHealth {
  /** False once a loop has stopped or the service is stopping: the process should be restarted. */
  alive(): boolean;
  /** True once every loop has started and while all run. */
  running(): boolean;
}

async function notReady(db: Db, health: LoopHealth | undefined): Promise<string | undefined> {
  if (health && !health.running()) return 'loops not running';
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve('database timeout'), READY_DB_TIMEOUT_MS);
  });
  try {
    return await Promise.race([pingDatabase(db).then(() => undefined), timeout]);
  } catch {
    return 'database unavailable';
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `/healthz` (liveness: a process whose loops died must be restarted, so it must not say "ok") and
 * `/readyz` (readiness, for a proxy: send traffic here only when it can be stored and handled).
 */
export function registerHealthRoutes(app: FastifyInstance, deps: { db: Db; health?: LoopHealth }): void {
  app.get('/healthz', async (_request, reply) => {
    const alive = deps.health?.alive() ?? true;
    return reply
      .code(alive ? 200 : 503)
      .type('text/plain')
      .send(alive ? 'ok' : 'stopped');
  });
  app.get('/readyz', async (_request, reply) => {
    const problem = await notReady(deps.db, deps.health);
    return reply
      .code(problem ? 503 : 200)
      .type('text/plain')
      .send(problem ?? 'ready');
  });
}

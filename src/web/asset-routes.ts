import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

const require = createRequire(import.meta.url);

/** The site's only static files: its stylesheet, its script and chart.js, all served from here. */
const ASSETS: Readonly<Record<string, { path: string; type: string }>> = {
  'dashboard.css': {
    path: fileURLToPath(new URL('../../assets/web/dashboard.css', import.meta.url)),
    type: 'text/css; charset=utf-8',
  },
  'dashboard.js': {
    path: fileURLToPath(new URL('../../assets/web/dashboard.js', import.meta.url)),
    type: 'text/javascript; charset=utf-8',
  },
  // chart.js from node_modules: the service must work on a network without the Internet (no CDN).
  'chart.umd.min.js': {
    // The package exports no path to its browser build; it sits beside the CommonJS entry.
    path: join(dirname(require.resolve('chart.js')), 'chart.umd.min.js'),
    type: 'text/javascript; charset=utf-8',
  },
};

/** `/tai-nguyen/<name>`: the static files, read once and kept in memory. */
export function registerAssetRoutes(app: FastifyInstance): void {
  const loaded = new Map<string, Promise<Buffer>>();
  app.get<{ Params: { name: string } }>('/tai-nguyen/:name', async (request, reply) => {
    const asset = Object.hasOwn(ASSETS, request.params.name) ? ASSETS[request.params.name] : undefined;
    if (!asset) return reply.callNotFound();
    let bytes = loaded.get(asset.path);
    if (!bytes) {
      bytes = readFile(asset.path);
      loaded.set(asset.path, bytes);
    }
    return reply
      .header('cache-control', 'public, max-age=3600')
      .type(asset.type)
      .send(await bytes);
  });
}

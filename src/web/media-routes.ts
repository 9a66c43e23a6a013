import type { FastifyInstance } from 'fastify';
import { renderDailyPackage, type DailyPackage } from '../services/daily-package.service.js';
import { verifyMediaPath } from '../services/web-media.service.js';
import { webPageMessages as m } from '../messages/web-page-messages.js';
import { sendRefusal } from './session-hook.js';
import type { WebDeps } from './web-deps.js';

/** A platform fetches each image of an album one by one: a package rendered once serves them all. */
const CACHE_ENTRIES = 8;
const CACHE_MS = 10 * 60_000;

/**
 * `/m/<signed>`: a chart image or the PDF of a scope's day, for a chat platform that fetches media by URL
 * (Zalo). No session: the HMAC signature and its expiry are the permission, for that one file only.
 */
export function registerMediaRoutes(app: FastifyInstance, deps: WebDeps): void {
  const cache = new Map<string, { at: number; pkg: Promise<DailyPackage> }>();
  const packageOf = (campaignId: number, scope: number, date: string) => {
    const campaign = deps.campaignOf(campaignId);
    if (!campaign) return undefined;
    const key = `${campaignId}:${scope}:${date}`;
    const now = deps.clock.now();
    const hit = cache.get(key);
    if (hit && hit.at > now.getTime() - CACHE_MS) return hit.pkg;
    const pkg = renderDailyPackage(deps.db, campaign, scope, date, now);
    pkg.catch(() => cache.delete(key));
    cache.set(key, { at: now.getTime(), pkg });
    while (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
    return pkg;
  };

  app.get<{ Params: { signed: string } }>('/m/:signed', async (request, reply) => {
    const media = verifyMediaPath(deps.secret, request.params.signed, deps.clock.now());
    if (!media) return sendRefusal(reply, 404, m.notFound, m.notFoundTitle);
    const pkg = await packageOf(media.campaignId, media.scopeUnitId, media.date);
    if (!pkg) return sendRefusal(reply, 404, m.notFound, m.notFoundTitle);
    const bytes =
      media.kind === 'pdf'
        ? pkg.pdf
        : media.kind === 'progress'
          ? pkg.progress
          : media.kind === 'district'
            ? pkg.group
            : pkg.ranking[media.part];
    if (!bytes) return sendRefusal(reply, 404, m.notFound, m.notFoundTitle);
    return reply
      .header('cache-control', 'private, max-age=600')
      .type(media.kind === 'pdf' ? 'application/pdf' : 'image/png')
      .send(bytes);
  });
}

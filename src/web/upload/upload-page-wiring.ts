import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { csrfTokenOf, requireSession } from '../session-hook.js';
import type { WebDeps } from '../web-deps.js';
import type { UploadCsrf } from './upload-deps.js';
import { registerUploadRoutes } from './upload-routes.js';

/** The web side's CSRF tokens (bound to the session, signed with the web secret) in the upload page's terms. */
export function webCsrf(secret: string): UploadCsrf {
  return {
    tokenFor: (session) => csrfTokenOf(secret, session),
    verify: (session, token) => {
      const expected = Buffer.from(csrfTokenOf(secret, session));
      const given = Buffer.from(token);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}

/**
 * Mounts the upload page on the web side, in its own scope: behind the session cookie check (the route
 * checks the CSRF token itself, as it streams the body), with the web side's tokens and campaigns.
 * Call it where the web routes are registered, after the cookie plugin.
 */
export async function registerUploadPage(app: FastifyInstance, deps: WebDeps): Promise<void> {
  await app.register(async (scope) => {
    scope.addHook('preHandler', requireSession(deps, { csrf: false }));
    await registerUploadRoutes(scope, {
      db: deps.db,
      clock: deps.clock,
      logger: deps.logger,
      campaignFor: (campaignId) => deps.campaignOf(campaignId),
      csrf: webCsrf(deps.secret),
    });
  });
}

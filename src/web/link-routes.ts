import type { FastifyInstance } from 'fastify';
import { webPageMessages as m } from '../messages/web-page-messages.js';
import { openWebLink } from '../services/web-link.service.js';
import { pageLayout } from './page-layout.js';
import { html } from './html.js';
import { SESSION_COOKIE, sendRefusal } from './session-hook.js';
import { isSecureBase, type WebDeps } from './web-deps.js';

/** A personal link, and where it lands once opened (`?den=`, see landingPath). */
interface LinkRequest {
  Params: { token: string };
  Querystring: { den?: string };
}

/**
 * `/l/<token>`: the first opening of a personal link sets the session cookie (HttpOnly, SameSite=Strict,
 * Secure behind https) and moves on to the dashboard; a used, expired, revoked or unknown link gets a
 * page saying how to get a new one. Attempts are limited per client address.
 */
export function registerLinkRoutes(app: FastifyInstance, deps: WebDeps): void {
  app.get<LinkRequest>('/l/:token', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    if (!deps.linkAttempts.tryAttempt(request.ip)) {
      const minutes = deps.linkAttempts.minutesUntilFree(request.ip);
      return sendRefusal(
        reply.header('retry-after', String(minutes * 60)),
        429,
        m.tooMany(minutes),
        m.tooManyTitle,
      );
    }
    const outcome = await openWebLink(deps.db, request.params.token, deps.clock);
    if (outcome.kind === 'refused') return sendRefusal(reply, 410, m.refusal(outcome.reason));
    reply.setCookie(SESSION_COOKIE, outcome.sessionToken, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: isSecureBase(deps.baseUrl),
      // Max-Age, not Expires: relative to the browser's own clock, whatever the server's clock says.
      maxAge: Math.max(1, Math.floor((outcome.expiresAt.getTime() - deps.clock.now().getTime()) / 1000)),
    });
    const landing = landingPath(request.query.den);
    // A page, not a redirect: a SameSite=Strict cookie is not sent on a redirect that a chat app's
    // (cross-site) navigation started, but it is on the page's own same-site refresh.
    return reply.type('text/html; charset=utf-8').send(
      pageLayout(
        m.opened,
        html`<section class="notice">
          <p>${m.opened}</p>
          <p><a class="button" href="${landing}">${m.openedLink}</a></p>
        </section>`,
        { refreshTo: landing },
      ),
    );
  });
}

/**
 * Where an opened link goes next (`?den=/tai-len`: a Zalo user's upload link): only one of our own
 * relative paths — a leading single slash, plain path characters — never another origin; else the
 * dashboard.
 */
export function landingPath(den: string | undefined): string {
  return den !== undefined && /^\/(?!\/)[a-z0-9\-/]{0,64}$/.test(den) ? den : '/';
}

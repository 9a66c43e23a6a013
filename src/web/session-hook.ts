import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { webPageMessages as m } from '../messages/web-page-messages.js';
import { checkWebSession } from '../services/web-link.service.js';
import { noticePage } from './page-layout.js';
import type { WebDeps } from './web-deps.js';
import type { WebSession } from './web-session.js';

/** The session cookie's name. */
export const SESSION_COOKIE = 'sohoa_phien';

/** The CSRF token of a session: bound to it, so a form from another session (or site) is refused. */
export function csrfTokenOf(secret: string, session: WebSession): string {
  return createHmac('sha256', secret).update(`csrf:${session.sessionId}`).digest('base64url');
}

/** Sends the refusal page for a request without a usable session. */
export function sendRefusal(
  reply: FastifyReply,
  status: number,
  text: string,
  title: string = m.refusalTitle,
) {
  return reply.code(status).type('text/html; charset=utf-8').send(noticePage(title, text));
}

/**
 * A preHandler for every route behind a personal link: checks the session cookie against the database
 * (the member must still be active, with the role and unit the link was made for) and sets
 * `request.webSession`; otherwise answers with a page saying how to get a new link. POST requests must
 * also carry the session's CSRF token (form field `_csrf`), unless `csrf: false` — for a route that reads
 * its body as a stream (multipart uploads) and checks `csrfTokenOf` itself.
 */
export function requireSession(deps: WebDeps, options: { csrf?: boolean } = {}): preHandlerAsyncHookHandler {
  return async function sessionHook(request: FastifyRequest, reply: FastifyReply) {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return sendRefusal(reply, 401, m.refusal('no_session'));
    const outcome = await checkWebSession(deps.db, token, deps.clock);
    if (outcome.kind !== 'active') return sendRefusal(reply, 401, m.refusal(outcome.reason));
    if (!deps.campaignOf(outcome.session.campaignId)) return sendRefusal(reply, 401, m.refusal('inactive'));
    request.webSession = outcome.session;
    if (request.method === 'POST' && options.csrf !== false) {
      const given = (request.body as Record<string, unknown> | undefined)?._csrf;
      const expected = Buffer.from(csrfTokenOf(deps.secret, outcome.session));
      const ok =
        typeof given === 'string' &&
        Buffer.byteLength(given) === expected.length &&
        timingSafeEqual(Buffer.from(given), expected);
      if (!ok) return sendRefusal(reply, 403, m.csrf, m.badRequestTitle);
    }
    return undefined;
  };
}

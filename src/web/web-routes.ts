import cookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import { webPageMessages as m } from '../messages/web-page-messages.js';
import { registerAssetRoutes } from './asset-routes.js';
import { registerDashboardRoutes } from './dashboard-routes.js';
import { registerLinkRoutes } from './link-routes.js';
import { registerMediaRoutes } from './media-routes.js';
import { registerOutboxMediaRoutes } from './outbox-media-routes.js';
import { noticePage } from './page-layout.js';
import { registerReminderRoutes } from './reminder-routes.js';
import { registerUploadPage } from './upload/upload-page-wiring.js';
import type { WebDeps } from './web-deps.js';

/** Forms post a CSRF token and a word or two; anything bigger is not one of ours. */
const FORM_BODY_LIMIT = 16_384;

/**
 * Every web route (when WEB_BASE_URL is set), in their own scope of the one server: cookies, form
 * bodies, the personal links, the dashboard, the reminder action, signed media, static files, the upload
 * page (src/web/upload), and
 * Vietnamese pages for "not found" and errors — never a stack trace.
 */
export async function registerWebRoutes(app: FastifyInstance, deps: WebDeps): Promise<void> {
  await app.register(cookie);
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
  app.setNotFoundHandler((_request, reply) =>
    reply
      .code(404)
      .type('text/html; charset=utf-8')
      .send(noticePage(m.notFoundTitle, m.notFound, { href: '/', label: m.backHome })),
  );
  app.setErrorHandler((error, _request, reply) => {
    const code = (error as { statusCode?: unknown } | null)?.statusCode;
    const status = typeof code === 'number' && code >= 400 && code < 500 ? code : 500;
    if (status >= 500) deps.logger.error({ err: error }, 'web page failed');
    const [title, text] = status >= 500 ? [m.errorTitle, m.error] : [m.badRequestTitle, m.badRequestTitle];
    return reply
      .code(status)
      .type('text/html; charset=utf-8')
      .send(noticePage(title, text, { href: '/', label: m.backHome }));
  });
  registerAssetRoutes(app);
  registerLinkRoutes(app, deps);
  registerMediaRoutes(app, deps);
  registerOutboxMediaRoutes(app, deps);
  registerDashboardRoutes(app, deps);
  registerReminderRoutes(app, deps);
  await registerUploadPage(app, deps);
}

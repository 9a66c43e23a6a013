import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { renderDailyPackage } from '../services/daily-package.service.js';
import { renderScopeExcel } from '../services/scope-export.service.js';
import { getScopeProgress } from '../services/progress.service.js';
import { getCommunePage, getScopePage } from '../services/web-dashboard.service.js';
import { renderCommunePage } from './pages/commune-page.js';
import { renderScopePage, unitHref } from './pages/scope-page.js';
import { csrfTokenOf, requireSession, sendRefusal } from './session-hook.js';
import { webPageMessages as m } from '../messages/web-page-messages.js';
import { scopedRequest } from './web-request.js';
import type { WebDeps } from './web-deps.js';

type UnitRoute = { Params: { unitId: string }; Querystring: { ngay?: string } };
type UnitRequest = FastifyRequest<UnitRoute>;

const htmlType = 'text/html; charset=utf-8';

/** Files are named for people (Vietnamese names folded); the ASCII fallback keeps old clients happy. */
function attachment(reply: FastifyReply, fileName: string, type: string, bytes: Buffer) {
  return reply
    .header('content-disposition', `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`)
    .header('cache-control', 'private, no-store')
    .type(type)
    .send(bytes);
}

/**
 * The dashboard behind a session: `/` goes to the viewer's own unit; `/d/<unit>` a scope's page (and its
 * chart data, PDF and Excel); `/x/<commune>` a commune's page. Every route checks the scope on the server.
 */
export function registerDashboardRoutes(app: FastifyInstance, deps: WebDeps): void {
  const session = requireSession(deps);

  app.get('/', { preHandler: session }, async (request, reply) => {
    const s = request.webSession;
    if (!s) return sendRefusal(reply, 401, m.refusal('no_session'));
    return reply.redirect(s.role === 'reporter' ? `/x/${s.unitId}` : `/d/${s.unitId}`);
  });

  app.get<UnitRoute>('/d/:unitId', { preHandler: session }, async (request: UnitRequest, reply) => {
    const scoped = await scopedRequest(deps, request, reply, 'scope');
    if (!scoped) return reply;
    const page = await getScopePage(
      deps.db,
      scoped.campaign,
      scoped.tree,
      scoped.unit,
      scoped.date,
      scoped.now,
    );
    const ownCoordinatorPage =
      scoped.session.role === 'coordinator' && scoped.session.unitId === scoped.unit.id;
    return reply
      .header('cache-control', 'private, no-store')
      .type(htmlType)
      .send(
        renderScopePage({
          campaign: scoped.campaign,
          page,
          date: scoped.date,
          today: scoped.today,
          trail: scoped.trail,
          remindCsrf: ownCoordinatorPage ? csrfTokenOf(deps.secret, scoped.session) : undefined,
        }),
      );
  });

  app.get<UnitRoute>(
    '/d/:unitId/du-lieu.json',
    { preHandler: session },
    async (request: UnitRequest, reply) => {
      const scoped = await scopedRequest(deps, request, reply, 'scope');
      if (!scoped) return reply;
      // The ranking alone (the chart needs no step marks): the same service as the page's table.
      const progress = await getScopeProgress(
        deps.db,
        scoped.campaign,
        scoped.unit.id,
        scoped.date,
        scoped.now,
      );
      const rows = progress.standings
        .filter((s) => s.completion !== null)
        .map((s) => ({
          name: s.name,
          href: unitHref(scoped.tree.byId.get(s.unitId) ?? scoped.unit, scoped.date),
          done: s.completion,
          plan: s.plan,
          pace: s.pace,
        }));
      return reply.header('cache-control', 'private, no-store').send({ date: scoped.date, rows });
    },
  );

  app.get<UnitRoute>('/d/:unitId/pdf', { preHandler: session }, async (request: UnitRequest, reply) => {
    const scoped = await scopedRequest(deps, request, reply, 'scope');
    if (!scoped) return reply;
    const pkg = await renderDailyPackage(deps.db, scoped.campaign, scoped.unit.id, scoped.date, scoped.now);
    return attachment(reply, pkg.pdfName, 'application/pdf', pkg.pdf);
  });

  app.get<UnitRoute>('/d/:unitId/excel', { preHandler: session }, async (request: UnitRequest, reply) => {
    const scoped = await scopedRequest(deps, request, reply, 'scope');
    if (!scoped) return reply;
    const excel = await renderScopeExcel(deps.db, scoped.campaign, scoped.unit.id, scoped.date, scoped.now);
    return attachment(
      reply,
      excel.fileName,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      excel.bytes,
    );
  });

  app.get<UnitRoute>('/x/:unitId', { preHandler: session }, async (request: UnitRequest, reply) => {
    const scoped = await scopedRequest(deps, request, reply, 'commune');
    if (!scoped) return reply;
    const page = await getCommunePage(deps.db, scoped.campaign, scoped.unit, scoped.date, scoped.now);
    return reply
      .header('cache-control', 'private, no-store')
      .type(htmlType)
      .send(
        renderCommunePage({
          campaign: scoped.campaign,
          page,
          date: scoped.date,
          today: scoped.today,
          trail: scoped.trail,
          // The upload page is the commune officer's (src/web/upload checks it again).
          uploadHref: scoped.session.role === 'reporter' ? '/tai-len' : undefined,
        }),
      );
  });
}

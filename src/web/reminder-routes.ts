import type { FastifyInstance, FastifyReply } from 'fastify';
import { findUnitById } from '../db/unit.repository.js';
import { findWebMember } from '../db/web-link.repository.js';
import { remindMessages } from '../messages/remind-messages.js';
import { webPageMessages as m } from '../messages/web-page-messages.js';
import {
  BROADCAST_CONFIRM_MINUTES,
  decideBroadcastRequest,
  prepareBroadcast,
} from '../services/broadcast.service.js';
import { html } from './html.js';
import { noticePage, pageLayout } from './page-layout.js';
import { csrfTokenOf, requireSession, sendRefusal } from './session-hook.js';
import type { WebDeps } from './web-deps.js';
import type { WebSession } from './web-session.js';

const htmlType = 'text/html; charset=utf-8';

/** The coordinator behind a session, as the broadcast service wants them; undefined for anyone else. */
async function coordinatorOf(deps: WebDeps, session: WebSession | undefined) {
  const campaign = session ? deps.campaignOf(session.campaignId) : undefined;
  if (!session || !campaign || session.role !== 'coordinator') return undefined;
  const member = await findWebMember(deps.db, session.memberId);
  const unit = member ? await findUnitById(deps.db, member.unit_id) : undefined;
  if (!member || !unit || !member.active) return undefined;
  return { campaign, who: { member, unit } };
}

function notice(reply: FastifyReply, text: string) {
  return reply.type(htmlType).send(noticePage(m.confirmTitle, text, { href: '/', label: m.backHome }));
}

/**
 * The one-click reminder of the communes that have not reported today: the same service as `/nhacnho
 * chuabaocao` (same recipients, same limits, a stored request), and the same confirmation step — a
 * preview page whose Send button confirms it. Coordinators only; every POST carries the CSRF token.
 */
export function registerReminderRoutes(app: FastifyInstance, deps: WebDeps): void {
  const session = requireSession(deps);

  app.post('/nhac', { preHandler: session }, async (request, reply) => {
    const caller = await coordinatorOf(deps, request.webSession);
    if (!caller || !request.webSession) return sendRefusal(reply, 403, m.coordinatorOnly, m.forbiddenTitle);
    const { member } = caller.who;
    const text = m.remindText(caller.campaign.settings.reportCutoff);
    const outcome = await prepareBroadcast(
      deps.db,
      { ...caller, chat: { platform: member.platform, chatId: member.platform_user_id } },
      `chuabaocao ${text}`,
      deps.clock,
    );
    if (outcome.kind === 'refused') return notice(reply, remindMessages.refused(outcome.refusal));
    if (outcome.kind === 'nobody') return notice(reply, remindMessages.nobody(outcome.audience));
    const csrf = csrfTokenOf(deps.secret, request.webSession);
    const form = (action: string, label: string, cls: string) =>
      html`<form method="post" action="/nhac/${outcome.broadcastId}">
        <input type="hidden" name="_csrf" value="${csrf}" /><input
          type="hidden"
          name="action"
          value="${action}"
        /><button type="submit" class="${cls}">${label}</button>
      </form>`;
    return reply.type(htmlType).send(
      pageLayout(
        m.confirmTitle,
        html`<section class="notice">
          <h1>${m.confirmTitle}</h1>
          <p>${m.confirm(outcome.recipients, outcome.units)}</p>
          <blockquote class="preview">${remindMessages.broadcast(outcome.office, outcome.text)}</blockquote>
          <div class="actions">
            ${form('gui', m.send, 'button')}${form('huy', m.cancel, 'button secondary')}
          </div>
        </section>`,
      ),
    );
  });

  app.post<{ Params: { id: string } }>('/nhac/:id', { preHandler: session }, async (request, reply) => {
    const caller = await coordinatorOf(deps, request.webSession);
    if (!caller) return sendRefusal(reply, 403, m.coordinatorOnly, m.forbiddenTitle);
    const id = /^\d{1,9}$/.test(request.params.id) ? Number(request.params.id) : undefined;
    if (id === undefined) return notice(reply, m.remindStale);
    const confirm = (request.body as Record<string, unknown>).action === 'gui';
    const decision = await decideBroadcastRequest(
      deps.db,
      caller,
      id,
      confirm,
      deps.clock,
      remindMessages.broadcast,
    );
    switch (decision.kind) {
      case 'queued':
        return notice(reply, m.remindQueued(decision.recipients));
      case 'cancelled':
        return notice(reply, m.remindCancelled);
      case 'expired':
        return notice(reply, m.remindExpired(BROADCAST_CONFIRM_MINUTES));
      case 'not_yours':
        return notice(reply, m.remindNotYours);
      case 'stale':
        return notice(reply, m.remindStale);
    }
  });
}

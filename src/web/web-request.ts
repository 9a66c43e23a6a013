import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Campaign } from '../domain/campaign.js';
import { localDate } from '../domain/local-time.js';
import type { UnitRow } from '../db/unit.table.js';
import { webPageMessages as m } from '../messages/web-page-messages.js';
import { ancestry, isInScope, loadUnitTree, type UnitTree } from '../services/web-dashboard.service.js';
import { sendRefusal } from './session-hook.js';
import type { WebDeps } from './web-deps.js';
import type { WebSession } from './web-session.js';

/** What a dashboard route works with once the session, the unit and the date are checked. */
export interface ScopedRequest {
  readonly session: WebSession;
  readonly campaign: Campaign;
  readonly tree: UnitTree;
  readonly unit: UnitRow;
  readonly date: string;
  readonly today: string;
  readonly now: Date;
  /** The viewer's unit down to `unit`. */
  readonly trail: readonly UnitRow[];
}

/** A real calendar day written YYYY-MM-DD (not 2025-02-30). */
function isCalendarDate(text: string): boolean {
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text;
}

/** The day a page shows: `ngay` when given and valid, else today, always within the campaign. */
function pickDate(campaign: Campaign, given: unknown, today: string): string | undefined {
  const { startDate, endDate } = campaign.settings;
  const wanted = typeof given === 'string' && given !== '' ? given : today;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(wanted) || !isCalendarDate(wanted)) return undefined;
  const last = today < endDate ? today : endDate;
  if (wanted > last) return last < startDate ? startDate : last;
  return wanted < startDate ? startDate : wanted;
}

/**
 * Checks what every dashboard route must: the unit exists in the session's campaign, lies in the
 * session's scope, is of the wanted kind; answers 403/404/400 pages itself and returns undefined then.
 */
export async function scopedRequest(
  deps: WebDeps,
  request: FastifyRequest<{ Params: { unitId: string }; Querystring: { ngay?: string } }>,
  reply: FastifyReply,
  want: 'scope' | 'commune',
): Promise<ScopedRequest | undefined> {
  const session = request.webSession;
  const campaign = session ? deps.campaignOf(session.campaignId) : undefined;
  if (!session || !campaign) {
    await sendRefusal(reply, 401, m.refusal('no_session'));
    return undefined;
  }
  const unitId = /^\d{1,9}$/.test(request.params.unitId) ? Number(request.params.unitId) : NaN;
  const tree = await loadUnitTree(deps.db, campaign.id);
  const unit = tree.byId.get(unitId);
  if (!unit) {
    await sendRefusal(reply, 404, m.notFound, m.notFoundTitle);
    return undefined;
  }
  const isCommune = unit.level === 'commune';
  // A commune's officer sees their commune (and its place among its siblings), never a scope page.
  const allowed =
    isInScope(tree, session.unitId, unit.id) &&
    (want === 'commune' ? isCommune : !isCommune && session.role !== 'reporter');
  if (!allowed) {
    await sendRefusal(reply, 403, m.forbidden, m.forbiddenTitle);
    return undefined;
  }
  const now = deps.clock.now();
  const today = localDate(now, campaign.settings.timeZone);
  const date = pickDate(campaign, request.query.ngay, today);
  if (!date) {
    await sendRefusal(reply, 400, m.badDate, m.badRequestTitle);
    return undefined;
  }
  const chain = ancestry(tree, unit.id);
  const trail = chain.slice(chain.findIndex((u) => u.id === session.unitId));
  return { session, campaign, tree, unit, date, today, now, trail };
}

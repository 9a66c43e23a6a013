import type { CampaignDefinition } from '../domain/campaign.js';
import { COMMUNE_LEVEL } from '../domain/unit.js';
import { carriedFigures } from '../domain/carry-over.js';
import type { ReorgPlan, ReorgSummary, ReorgWording, UnitLabel } from '../domain/unit-mapping.js';
import { insertAudit } from '../db/audit.repository.js';
import type { Db } from '../db/database.js';
import { enqueueOutbox, type NewOutboxMessage } from '../db/outbox.repository.js';
import {
  insertSuccessions,
  listGroupChatsOfUnits,
  listLastFiguresBefore,
  listMembersOfUnits,
  moveGroupChat,
  moveMember,
  retireUnits,
  revokeInvitesOfUnits,
} from '../db/reorg.repository.js';
import { insertRevision, upsertDailyReport } from '../db/report.repository.js';
import { listUnitsWithTargets } from '../db/unit.repository.js';
import { loadCampaignIn, type CampaignLoadResult } from './campaign-load.service.js';

/**
 * Applies a checked plan inside the caller's transaction. The carried figures are stored as a revision of
 * origin 'carry-over' (no member) dated the eve of the change: on the change date each new unit shows
 * them as its figures while still counting as not yet reported that day, and the day's change is measured
 * from them rather than from zero.
 */
export async function applyReorganisation(
  trx: Db,
  input: {
    readonly campaignId: number;
    readonly folder: CampaignDefinition;
    readonly plan: ReorgPlan;
    readonly from: string;
    readonly lastDay: string;
    readonly now: Date;
    readonly actor: string;
    readonly wording: ReorgWording;
  },
): Promise<{ summary: ReorgSummary; load: CampaignLoadResult }> {
  const { campaignId, plan, from, lastDay, now, actor } = input;
  const retiredIds = plan.retired.map((u) => u.id);
  await retireUnits(trx, retiredIds, lastDay);
  const load = await loadCampaignIn(trx, input.folder, now, actor, from);

  const openByCode = new Map((await listUnitsWithTargets(trx, campaignId)).map((u) => [u.code, u]));
  const idOf = (code: string) => openByCode.get(code)?.id ?? 0;
  await insertSuccessions(
    trx,
    plan.successions.map((s) => ({
      campaign_id: campaignId,
      old_unit_id: s.oldUnitId,
      new_unit_id: idOf(s.newCode),
      share: s.share,
      effective_on: from,
    })),
  );

  const retiredById = new Map(plan.retired.map((u) => [u.id, u]));
  const communeIds = plan.retired.filter((u) => u.level === COMMUNE_LEVEL).map((u) => u.id);
  const last = await listLastFiguresBefore(trx, communeIds, from);
  const carried = carriedFigures(
    plan.successions.filter((s) => retiredById.has(s.oldUnitId)),
    new Map(last.map((r) => [r.unit_id, r])),
  );
  for (const [code, figures] of carried) {
    const revision = await insertRevision(trx, {
      unit_id: idOf(code),
      report_date: lastDay,
      member_id: null,
      source_inbox_id: null,
      status: 'accepted',
      late: false,
      ...figures,
      warnings: [],
      submitted_at: now,
      origin: 'carry-over',
    });
    await upsertDailyReport(trx, revision, now);
  }

  const label = (u: { code: string; name: string }): UnitLabel => ({ code: u.code, name: u.name });
  const successorOf = (oldUnitId: number) => {
    const code = plan.successorCode.get(oldUnitId);
    const unit = code === undefined ? undefined : openByCode.get(code);
    const old = retiredById.get(oldUnitId);
    return unit && old ? { unit, old } : undefined;
  };
  const messages: NewOutboxMessage[] = [];
  const moved: { memberId: number; role: string; from: string; to: string }[] = [];
  for (const member of await listMembersOfUnits(trx, retiredIds)) {
    const to = successorOf(member.unit_id);
    if (!to) continue;
    await moveMember(trx, member.id, to.unit.id, now);
    moved.push({ memberId: member.id, role: member.role, from: to.old.code, to: to.unit.code });
    await insertAudit(trx, {
      at: now,
      actor,
      action: 'member.moved',
      campaignId,
      details: { memberId: member.id, role: member.role, from, oldUnit: to.old.code, newUnit: to.unit.code },
    });
    if (!member.active) continue;
    messages.push({
      dedupeKey: `reorg:${campaignId}:${from}:member:${member.id}`,
      platform: member.platform,
      chatId: member.platform_user_id,
      kind: 'text',
      payload: {
        text: input.wording.member({
          campaignName: input.folder.campaign.name,
          from,
          role: member.role,
          oldUnit: label(to.old),
          newUnit: label(to.unit),
        }),
      },
    });
  }
  const movedGroups: { groupId: number; from: string; to: string }[] = [];
  for (const group of await listGroupChatsOfUnits(trx, retiredIds)) {
    const to = successorOf(group.scope_unit_id);
    if (!to) continue;
    await moveGroupChat(trx, group.id, to.unit.id);
    movedGroups.push({ groupId: group.id, from: to.old.code, to: to.unit.code });
    if (!group.active) continue;
    messages.push({
      dedupeKey: `reorg:${campaignId}:${from}:group:${group.id}`,
      platform: group.platform,
      chatId: group.chat_id,
      kind: 'text',
      payload: { text: input.wording.group({ from, oldUnit: label(to.old), newUnit: label(to.unit) }) },
    });
  }
  await enqueueOutbox(trx, messages, now);
  const revokedInvites = await revokeInvitesOfUnits(trx, retiredIds, now);

  const summary: ReorgSummary = {
    from,
    retired: plan.retired.length,
    added: plan.added.length,
    continuing: plan.continuing.length,
    carried: carried.size,
    carriedCases: [...carried.values()].reduce((s, f) => s + f.attached, 0),
    movedMembers: moved.length,
    movedGroups: movedGroups.length,
    revokedInvites,
  };
  await insertAudit(trx, {
    at: now,
    actor,
    action: 'campaign.reorganize',
    campaignId,
    details: {
      ...summary,
      retiredUnits: plan.retired.map((u) => u.code),
      addedUnits: plan.added.map((u) => u.code),
      successions: plan.successions.map((s) => ({
        old: retiredById.get(s.oldUnitId)?.code ?? s.newCode,
        new: s.newCode,
        share: s.share,
      })),
      carriedFigures: Object.fromEntries(carried),
      members: moved,
      groups: movedGroups,
    },
  });
  return { summary, load };
}

import type { Campaign } from '../domain/campaign.js';
import type { Clock } from '../domain/clock.js';
import { hashInviteCode, looksLikeInviteCode } from '../domain/invite-code.js';
import { localDate } from '../domain/local-time.js';
import type { ProvinceStanding } from '../domain/national-standing.js';
import { paceRulesOf } from '../domain/pace.js';
import { judgeUnit } from '../domain/progress.js';
import { insertAudit } from '../db/audit.repository.js';
import type { Db } from '../db/database.js';
import {
  decrementNationalInviteUses,
  findNationalInviteForUpdate,
  findNationalMember,
  insertNationalInvite,
  listTopUnits,
  upsertNationalMember,
} from '../db/national.repository.js';
import type { NationalMemberRow } from '../db/national-member.table.js';
import { inTransaction } from '../db/transaction.js';
import { drawInvite, spentInviteReason, startCodeAttempt } from './invite.service.js';
import { getScopeProgress, momentOf } from './progress.service.js';

/** A created national invite: the plain code is shown once and never stored. */
export interface CreatedNationalInvite {
  readonly code: string;
  readonly uses: number;
  readonly expiresAt: Date;
}

/** Creates an invite for a national leader, who sees every campaign of the deployment. */
export async function createNationalInvite(
  db: Db,
  input: { uses: number; validDays: number; createdBy: string },
  clock: Clock,
): Promise<CreatedNationalInvite> {
  return inTransaction(db, async (trx) => {
    const now = clock.now();
    const { code, expiresAt, row } = await drawInvite(trx, input, now);
    await insertNationalInvite(trx, row);
    await insertAudit(trx, {
      at: now,
      actor: input.createdBy,
      action: 'invite.create_national',
      campaignId: null,
      details: { uses: input.uses, expiresAt },
    });
    return { code, uses: input.uses, expiresAt };
  });
}

/** The outcome of a code typed with /start, seen as a national invite. */
export type NationalRedeemResult =
  /** Not a national code: the campaign invites decide. */
  | { readonly kind: 'not_national' }
  | { readonly kind: 'joined'; readonly member: NationalMemberRow }
  | { readonly kind: 'refused'; readonly reason: 'expired' | 'used_up' | 'revoked' | 'throttled' };

/** Makes the sender a national leader when the code is a live national invite. */
export async function redeemNationalInvite(
  db: Db,
  input: { platform: string; platformUserId: string; displayName: string; code: string },
  clock: Clock,
): Promise<NationalRedeemResult> {
  if (!looksLikeInviteCode(input.code)) return { kind: 'not_national' };
  return inTransaction(db, async (trx): Promise<NationalRedeemResult> => {
    const invite = await findNationalInviteForUpdate(trx, hashInviteCode(input.code));
    if (!invite) return { kind: 'not_national' };
    const now = clock.now();
    const attempt = await startCodeAttempt(trx, { ...input, campaignId: null }, now);
    if (attempt === 'throttled') return { kind: 'refused', reason: 'throttled' };
    const reason = spentInviteReason(invite, now);
    if (reason) {
      await attempt.record(false);
      return { kind: 'refused', reason };
    }
    await decrementNationalInviteUses(trx, invite.id);
    await attempt.record(true);
    const member = await upsertNationalMember(trx, {
      platform: input.platform,
      platformUserId: input.platformUserId,
      displayName: input.displayName,
      at: now,
    });
    await insertAudit(trx, {
      at: now,
      actor: `${input.platform}:${input.platformUserId}`,
      action: 'invite.redeem_national',
      campaignId: null,
      details: { inviteId: invite.id, nationalMemberId: member.id },
    });
    return { kind: 'joined', member };
  });
}

/** The national leader with this identity, when they are one and active. */
export async function findActiveNationalLeader(
  db: Db,
  platform: string,
  platformUserId: string,
): Promise<NationalMemberRow | undefined> {
  const member = await findNationalMember(db, platform, platformUserId);
  return member?.active ? member : undefined;
}

/** The day a campaign's figures are read for: today in its time zone, kept within its calendar. */
function campaignDay(campaign: Campaign, now: Date): { date: string; today: boolean } {
  const { startDate, endDate, timeZone } = campaign.settings;
  const today = localDate(now, timeZone);
  const date = today < startDate ? startDate : today > endDate ? endDate : today;
  return { date, today: date === today };
}

/**
 * Every served campaign's province side by side — each on its own date and time zone, against its own
 * plan — ranked by cases attached & reviewed as a share of the target.
 */
export async function getNationalStandings(
  db: Db,
  campaigns: readonly Campaign[],
  now: Date,
): Promise<ProvinceStanding[]> {
  const tops = await listTopUnits(
    db,
    campaigns.map((c) => c.id),
  );
  const standings: ProvinceStanding[] = [];
  for (const campaign of campaigns) {
    const top = tops.find((u) => u.campaign_id === campaign.id);
    if (!top) continue;
    const { date, today } = campaignDay(campaign, now);
    const moment = momentOf(campaign, date, today ? now : undefined);
    const progress = await getScopeProgress(db, campaign, top.id, date, today ? now : undefined);
    const { totals } = progress;
    const judged = judgeUnit(
      paceRulesOf(campaign.settings),
      moment,
      totals.attached,
      totals.targetCases,
      // Once every commune has reported, today's plan applies (as for one commune that has reported).
      progress.standings.length > 0 && progress.missing === 0,
    );
    standings.push({
      campaign,
      provinceName: campaign.settings.province.name,
      date,
      today,
      totals,
      completion: totals.targetCases > 0 ? totals.attached / totals.targetCases : null,
      plan: judged.plan,
      pace: judged.pace,
      reported: progress.onTime + progress.late,
      communes: progress.standings.length,
      rank: null,
    });
  }
  const ranked = standings
    .filter((s) => s.completion !== null)
    .sort((a, b) => (b.completion ?? 0) - (a.completion ?? 0) || b.totals.attached - a.totals.attached);
  return standings.map((s) => {
    const rank = ranked.indexOf(s);
    return rank < 0 ? s : { ...s, rank: rank + 1 };
  });
}

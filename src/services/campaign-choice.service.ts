import type { Campaign } from '../domain/campaign.js';
import type { Clock } from '../domain/clock.js';
import { insertAudit } from '../db/audit.repository.js';
import {
  findCampaignChoice,
  holdUpdate,
  markCampaignAsked,
  releaseHeldUpdates,
  saveCampaignChoice,
} from '../db/campaign-choice.repository.js';
import { listIdentityMemberships } from '../db/campaign-route.repository.js';
import type { Db } from '../db/database.js';
import type { MemberRow } from '../db/member.table.js';
import { inTransaction } from '../db/transaction.js';
import { findUnitById } from '../db/unit.repository.js';

/** A platform identity: the same person on the same platform, whatever campaign. */
export interface Identity {
  readonly platform: string;
  readonly platformUserId: string;
}

/** One of a person's campaigns, with their membership there. */
export interface CampaignMembership {
  readonly campaign: Campaign;
  readonly member: MemberRow;
}

/** The campaigns a person has joined among the served ones, in the deployment's order. */
export async function listMembershipsOf(
  db: Db,
  identity: Identity,
  campaigns: readonly Campaign[],
): Promise<CampaignMembership[]> {
  const members = await listIdentityMemberships(
    db,
    identity.platform,
    identity.platformUserId,
    campaigns.map((c) => c.id),
  );
  return campaigns.flatMap((campaign) => {
    const member = members.find((m) => m.campaign_id === campaign.id);
    return member ? [{ campaign, member }] : [];
  });
}

/** A person's campaigns as a list to choose from: each with the person's unit there. */
export async function describeMemberships(
  db: Db,
  identity: Identity,
  campaigns: readonly Campaign[],
  options: { activeOnly?: boolean } = {},
): Promise<{ campaignId: number; name: string; unitName: string }[]> {
  const memberships = await listMembershipsOf(db, identity, campaigns);
  const items = [];
  for (const { campaign, member } of memberships) {
    if (options.activeOnly !== false && !member.active) continue;
    const unit = await findUnitById(db, member.unit_id);
    items.push({ campaignId: campaign.id, name: campaign.settings.name, unitName: unit?.name ?? '' });
  }
  return items;
}

/**
 * Keeps an update whose sender must choose a campaign first, to be handled once they choose. Returns
 * whether to ask them: only for the first update held, so that five messages get one question.
 */
export async function holdForChoice(
  trx: Db,
  identity: Identity,
  inboxId: number,
  now: Date,
): Promise<{ readonly ask: boolean; readonly held: number }> {
  const held = await holdUpdate(trx, { ...identity, inboxId, at: now });
  if (held === 1) await markCampaignAsked(trx, identity.platform, identity.platformUserId, now);
  return { ask: held === 1, held };
}

/** Hands back a person's held messages to be handled (oldest first); returns how many. */
export async function releaseHeldFor(db: Db, identity: Identity): Promise<number> {
  return releaseHeldUpdates(db, identity.platform, identity.platformUserId);
}

/** The campaign a person last chose, if they did. */
export async function currentCampaignChoice(db: Db, identity: Identity): Promise<number | undefined> {
  const choice = await findCampaignChoice(db, identity.platform, identity.platformUserId);
  return choice?.campaign_id ?? undefined;
}

/** The outcome of choosing a campaign. */
export type ChooseResult =
  | {
      readonly kind: 'chosen';
      readonly campaign: Campaign;
      /** Messages sent before the choice, put back to be handled in the chosen campaign. */
      readonly released: number;
      readonly unchanged: boolean;
    }
  /** Not an active member of that campaign (or it is not served here). */
  | { readonly kind: 'not_member' };

/**
 * Remembers the campaign a person's messages are for from now on, and hands back the messages that
 * waited for the choice (they are handled next, in their original order).
 */
export async function chooseCampaign(
  db: Db,
  identity: Identity,
  campaignId: number,
  campaigns: readonly Campaign[],
  clock: Clock,
): Promise<ChooseResult> {
  return inTransaction(db, async (trx): Promise<ChooseResult> => {
    const memberships = await listMembershipsOf(trx, identity, campaigns);
    const chosen = memberships.find((m) => m.campaign.id === campaignId && m.member.active);
    if (!chosen) return { kind: 'not_member' };
    const now = clock.now();
    const before = await findCampaignChoice(trx, identity.platform, identity.platformUserId);
    await saveCampaignChoice(trx, { ...identity, campaignId, at: now });
    const released = await releaseHeldUpdates(trx, identity.platform, identity.platformUserId);
    const unchanged = before?.campaign_id === campaignId;
    if (!unchanged) {
      await insertAudit(trx, {
        at: now,
        actor: `${identity.platform}:${identity.platformUserId}`,
        action: 'campaign.choose',
        campaignId,
        details: { memberId: chosen.member.id, released },
      });
    }
    return { kind: 'chosen', campaign: chosen.campaign, released, unchanged };
  });
}

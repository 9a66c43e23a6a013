import type { Campaign } from '../domain/campaign.js';
import { hashInviteCode, looksLikeInviteCode } from '../domain/invite-code.js';
import { findCampaignChoice } from '../db/campaign-choice.repository.js';
import {
  findInviteCampaignId,
  listGroupRegistrations,
  listIdentityMemberships,
} from '../db/campaign-route.repository.js';
import type { Db } from '../db/database.js';

/** What deciding an update's campaign looks at, in channel-neutral terms. */
export interface RouteInput {
  readonly platform: string;
  readonly chatKind: 'private' | 'group';
  readonly chatId: string;
  /** The sender's platform id, when the update has one. */
  readonly senderId: string | undefined;
  /** A code typed with `/start` or `/dangky`: it names its own campaign. */
  readonly inviteCode: string | undefined;
  /**
   * The update never waits for a choice: it is about choosing (`/chondot`, a picked campaign), or it
   * carries a code (a wrong code is answered at once, not after the person has chosen).
   */
  readonly noWait: boolean;
}

/** Why an update went to its campaign (logged, and asserted by tests). */
export type RouteReason = 'only' | 'code' | 'group' | 'member' | 'choice' | 'no_wait' | 'default';

/** The campaign an update belongs to, or: its sender is in several and must choose first. */
export type CampaignRoute =
  | { readonly kind: 'campaign'; readonly campaign: Campaign; readonly reason: RouteReason }
  | { readonly kind: 'ask'; readonly candidates: readonly Campaign[] };

/**
 * Decides which of the served campaigns an update is for. A code names its campaign; a group belongs to
 * the campaign it was registered in (the latest registration when several); a person in exactly one
 * campaign is in that one; in several, the one they last chose — or they are asked. Anyone else (not
 * joined yet) is answered in the first campaign, the deployment's default.
 */
export async function resolveCampaignRoute(
  db: Db,
  campaigns: readonly Campaign[],
  input: RouteInput,
): Promise<CampaignRoute> {
  const [first] = campaigns;
  if (!first) throw new Error('no campaign is served');
  // One campaign: no lookups at all, as before there were several.
  if (campaigns.length === 1) return { kind: 'campaign', campaign: first, reason: 'only' };
  const byId = new Map(campaigns.map((c) => [c.id, c]));
  const ids = [...byId.keys()];

  if (input.inviteCode !== undefined && looksLikeInviteCode(input.inviteCode)) {
    const campaignId = await findInviteCampaignId(db, hashInviteCode(input.inviteCode));
    const campaign = campaignId === undefined ? undefined : byId.get(campaignId);
    if (campaign) return { kind: 'campaign', campaign, reason: 'code' };
  }
  if (input.chatKind === 'group') {
    const [registration] = await listGroupRegistrations(db, input.platform, input.chatId, ids);
    const campaign = registration ? byId.get(registration.campaign_id) : undefined;
    return campaign
      ? { kind: 'campaign', campaign, reason: 'group' }
      : { kind: 'campaign', campaign: first, reason: 'default' };
  }
  if (input.senderId === undefined) return { kind: 'campaign', campaign: first, reason: 'default' };

  const memberships = await listIdentityMemberships(db, input.platform, input.senderId, ids);
  const active = [...new Set(memberships.filter((m) => m.active).map((m) => m.campaign_id))];
  if (active.length <= 1) {
    // No active membership: the latest one still answers ("your account is paused"), else the default.
    const campaignId = active[0] ?? memberships[0]?.campaign_id;
    const campaign = campaignId === undefined ? undefined : byId.get(campaignId);
    return campaign
      ? { kind: 'campaign', campaign, reason: 'member' }
      : { kind: 'campaign', campaign: first, reason: 'default' };
  }
  const choice = await findCampaignChoice(db, input.platform, input.senderId);
  const chosen = choice?.campaign_id == null ? undefined : byId.get(choice.campaign_id);
  if (chosen && active.includes(chosen.id)) return { kind: 'campaign', campaign: chosen, reason: 'choice' };
  const candidates = campaigns.filter((c) => active.includes(c.id));
  const [fallback] = candidates;
  if (input.noWait && fallback) return { kind: 'campaign', campaign: fallback, reason: 'no_wait' };
  return { kind: 'ask', candidates };
}

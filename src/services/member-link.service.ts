import type { Clock } from '../domain/clock.js';
import { LINK_CODE_MINUTES, generateLinkCode, hashLinkCode, looksLikeLinkCode } from '../domain/link-code.js';
import { insertAudit } from '../db/audit.repository.js';
import type { Db } from '../db/database.js';
import {
  findLinkCodeForUpdate,
  findMemberById,
  insertLinkCode,
  linkMember,
  markLinkCodeUsed,
  personOf,
} from '../db/member-link.repository.js';
import { findMember, upsertMember } from '../db/member.repository.js';
import type { MemberRow } from '../db/member.table.js';
import { inTransaction } from '../db/transaction.js';
import { findUnitById } from '../db/unit.repository.js';
import type { UnitRow } from '../db/unit.table.js';
import { startCodeAttempt } from './invite.service.js';

export { looksLikeLinkCode };

/** A code to type on the other platform, or why there is none. */
export type LinkCodeOutcome =
  | { readonly kind: 'created'; readonly code: string; readonly minutes: number }
  | { readonly kind: 'refused'; readonly reason: 'inactive' };

/** Creates a single-use link code for an active member (their earlier unused code stops working). */
export async function createLinkCode(db: Db, member: MemberRow, clock: Clock): Promise<LinkCodeOutcome> {
  if (!member.active) return { kind: 'refused', reason: 'inactive' };
  const code = generateLinkCode();
  const now = clock.now();
  await inTransaction(db, async (trx) => {
    await insertLinkCode(trx, {
      memberId: member.id,
      codeHash: hashLinkCode(code),
      createdAt: now,
      expiresAt: new Date(now.getTime() + LINK_CODE_MINUTES * 60_000),
    });
    await insertAudit(trx, {
      at: now,
      actor: `${member.platform}:${member.platform_user_id}`,
      action: 'link.code',
      campaignId: member.campaign_id,
      details: { memberId: member.id },
    });
  });
  return { kind: 'created', code, minutes: LINK_CODE_MINUTES };
}

/** Why a typed link code did not link. */
export type LinkRefusal = 'unknown' | 'throttled' | 'same_platform' | 'already_member' | 'inactive';

export type LinkOutcome =
  | { readonly kind: 'linked'; readonly member: MemberRow; readonly unit: UnitRow }
  | { readonly kind: 'refused'; readonly reason: LinkRefusal };

/**
 * Uses a link code typed on another platform: creates the typist's membership there with the campaign,
 * unit and role of the membership that showed the code, and records both as one person. Wrong codes count with
 * wrong invite codes against the same per-person throttle (codes are short-lived, not unguessable).
 */
export async function redeemLinkCode(
  db: Db,
  input: {
    /** The campaign the typist's chat is served by now: wrong codes are counted there. */
    readonly campaignId: number;
    readonly platform: string;
    readonly platformUserId: string;
    readonly displayName: string;
    readonly code: string;
  },
  clock: Clock,
): Promise<LinkOutcome> {
  return inTransaction(db, async (trx): Promise<LinkOutcome> => {
    const now = clock.now();
    const attempt = await startCodeAttempt(trx, input, now);
    if (attempt === 'throttled') return { kind: 'refused', reason: 'throttled' };
    const row = looksLikeLinkCode(input.code)
      ? await findLinkCodeForUpdate(trx, hashLinkCode(input.code))
      : undefined;
    const source = row ? await findMemberById(trx, row.member_id) : undefined;
    const usable = row && source && row.used_at === null && row.expires_at > now;
    if (!row || !source || !usable) {
      await attempt.record(false);
      return { kind: 'refused', reason: 'unknown' };
    }
    // Not a failed guess: the right code on the wrong app. It stays usable on the right one.
    if (source.platform === input.platform) return { kind: 'refused', reason: 'same_platform' };
    // The membership joins the campaign of the one that showed the code (a process may serve several).
    const existing = await findMember(trx, source.campaign_id, input.platform, input.platformUserId);
    if (existing?.active) return { kind: 'refused', reason: 'already_member' };
    if (!source.active) return { kind: 'refused', reason: 'inactive' };
    await markLinkCodeUsed(trx, row.id, now);
    await attempt.record(true);
    const member = await upsertMember(trx, {
      campaign_id: source.campaign_id,
      platform: input.platform,
      platform_user_id: input.platformUserId,
      display_name: input.displayName,
      role: source.role,
      unit_id: source.unit_id,
      at: now,
    });
    await linkMember(trx, member.id, await personOf(trx, source.id), now);
    const unit = await findUnitById(trx, member.unit_id);
    if (!unit) throw new Error(`unit ${member.unit_id} of member ${member.id} not found`);
    await insertAudit(trx, {
      at: now,
      actor: `${input.platform}:${input.platformUserId}`,
      action: 'link.redeem',
      campaignId: source.campaign_id,
      details: { memberId: member.id, fromMemberId: source.id, fromPlatform: source.platform },
    });
    return { kind: 'linked', member, unit };
  });
}

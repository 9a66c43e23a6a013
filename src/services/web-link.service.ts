import type { Campaign } from '../domain/campaign.js';
import type { Clock } from '../domain/clock.js';
import type { Role } from '../domain/role.js';
import type { Db } from '../db/database.js';
import type { MemberRow } from '../db/member.table.js';
import { inTransaction } from '../db/transaction.js';
import {
  findWebLink,
  findWebSession,
  insertWebLink,
  insertWebSession,
  revokeMemberWebAccess,
  useWebLink,
} from '../db/web-link.repository.js';
import { hashWebToken, isWellFormedToken, newWebToken } from './web-token.service.js';

const DAY_MS = 86_400_000;

/** A personal link just made: the token goes in the URL once and is never stored. */
export interface IssuedWebLink {
  readonly token: string;
  readonly expiresAt: Date;
}

/** Who a valid session is for (the shape of src/web's WebSession). */
export interface ActiveWebSession {
  readonly sessionId: number;
  readonly campaignId: number;
  readonly memberId: number;
  readonly role: Role;
  readonly unitId: number;
}

/** Why a link or a session does not open the dashboard. */
export type WebAccessRefusal = 'unknown' | 'used' | 'expired' | 'revoked' | 'inactive';

/** The answer to opening a personal link. */
export type OpenLinkOutcome =
  | {
      readonly kind: 'session';
      readonly sessionToken: string;
      readonly session: ActiveWebSession;
      readonly expiresAt: Date;
    }
  | { readonly kind: 'refused'; readonly reason: WebAccessRefusal };

/** The answer to a request's session cookie. */
export type SessionOutcome =
  | { readonly kind: 'active'; readonly session: ActiveWebSession }
  | { readonly kind: 'refused'; readonly reason: WebAccessRefusal };

/**
 * `/web`: a personal link for an active member, bound to their role and unit, valid for the campaign's
 * `webLinkValidDays`. Earlier links stay valid until used or expired (a person may ask twice).
 */
export async function issueWebLink(
  db: Db,
  campaign: Campaign,
  member: MemberRow,
  clock: Clock,
): Promise<IssuedWebLink> {
  const now = clock.now();
  const token = newWebToken();
  const expiresAt = new Date(now.getTime() + campaign.settings.webLinkValidDays * DAY_MS);
  await insertWebLink(db, {
    campaign_id: campaign.id,
    member_id: member.id,
    token_hash: hashWebToken(token),
    role: member.role,
    unit_id: member.unit_id,
    created_at: now,
    expires_at: expiresAt,
    used_at: null,
    revoked_at: null,
  });
  return { token, expiresAt };
}

/**
 * The first opening of a link exchanges it for a session (valid as long as a link would be); any later
 * opening — a forwarded link, a second device — is refused with the reason, so the page can say what to do.
 */
export async function openWebLink(db: Db, token: string, clock: Clock): Promise<OpenLinkOutcome> {
  if (!isWellFormedToken(token)) return { kind: 'refused', reason: 'unknown' };
  const now = clock.now();
  const hash = hashWebToken(token);
  return inTransaction(db, async (trx) => {
    const link = await useWebLink(trx, hash, now);
    if (!link) {
      const known = await findWebLink(trx, hash);
      if (!known) return { kind: 'refused', reason: 'unknown' };
      if (known.revoked_at) return { kind: 'refused', reason: 'revoked' };
      if (known.used_at) return { kind: 'refused', reason: 'used' };
      return { kind: 'refused', reason: 'expired' };
    }
    const sessionToken = newWebToken();
    const validMs = link.expires_at.getTime() - link.created_at.getTime();
    const expiresAt = new Date(now.getTime() + validMs);
    const sessionId = await insertWebSession(trx, {
      campaign_id: link.campaign_id,
      member_id: link.member_id,
      link_id: link.id,
      token_hash: hashWebToken(sessionToken),
      role: link.role,
      unit_id: link.unit_id,
      created_at: now,
      expires_at: expiresAt,
      revoked_at: null,
    });
    const session = await checkWebSession(trx, sessionToken, clock);
    // A member deactivated between asking and opening: the session is made but never serves a page.
    if (session.kind !== 'active') return session;
    return { kind: 'session', sessionToken, session: { ...session.session, sessionId }, expiresAt };
  });
}

/**
 * A request's session, checked against the member as they are now: deactivated, or moved to another
 * role or unit since the link was made, and the session no longer opens anything.
 */
export async function checkWebSession(db: Db, sessionToken: string, clock: Clock): Promise<SessionOutcome> {
  if (!isWellFormedToken(sessionToken)) return { kind: 'refused', reason: 'unknown' };
  const row = await findWebSession(db, hashWebToken(sessionToken));
  if (!row) return { kind: 'refused', reason: 'unknown' };
  if (row.revoked_at) return { kind: 'refused', reason: 'revoked' };
  if (row.expires_at.getTime() <= clock.now().getTime()) return { kind: 'refused', reason: 'expired' };
  if (!row.member_active || row.member_role !== row.role || row.member_unit_id !== row.unit_id) {
    return { kind: 'refused', reason: 'inactive' };
  }
  return {
    kind: 'active',
    session: {
      sessionId: row.id,
      campaignId: row.campaign_id,
      memberId: row.member_id,
      role: row.role,
      unitId: row.unit_id,
    },
  };
}

/** `/web thuhoi`: every unused link and every session of the member stops working at once. */
export async function revokeWebAccess(
  db: Db,
  member: MemberRow,
  clock: Clock,
): Promise<{ links: number; sessions: number }> {
  return revokeMemberWebAccess(db, member.id, clock.now());
}

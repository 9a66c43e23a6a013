import type { Role } from '../domain/role.js';
import type { Db } from './database.js';
import type { NewWebLinkRow, WebLinkRow } from './web-link.table.js';
import type { NewWebSessionRow } from './web-session.table.js';

/** Stores a personal link (its token's hash only); returns its id. */
export async function insertWebLink(db: Db, row: NewWebLinkRow): Promise<number> {
  const { id } = await db.insertInto('web_links').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/**
 * Marks a link used if it still can be (not used, not revoked, not expired) and returns it; undefined
 * when it cannot. One statement: two browsers opening the same link at once get one session between them.
 */
export async function useWebLink(db: Db, tokenHash: string, now: Date): Promise<WebLinkRow | undefined> {
  return db
    .updateTable('web_links')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .returningAll()
    .executeTakeFirst();
}

/** A link by its token's hash (to tell why it cannot be used). */
export async function findWebLink(db: Db, tokenHash: string): Promise<WebLinkRow | undefined> {
  return db.selectFrom('web_links').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** Stores a session (its cookie's hash only); returns its id. */
export async function insertWebSession(db: Db, row: NewWebSessionRow): Promise<number> {
  const { id } = await db.insertInto('web_sessions').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** A session by its cookie's hash, with its member as they are now. */
export interface WebSessionWithMember {
  readonly id: number;
  readonly campaign_id: number;
  readonly member_id: number;
  readonly role: Role;
  readonly unit_id: number;
  readonly expires_at: Date;
  readonly revoked_at: Date | null;
  readonly member_active: boolean;
  readonly member_role: Role;
  readonly member_unit_id: number;
}

/** Looks a session up with its member's current state (checked on every request). */
export async function findWebSession(db: Db, tokenHash: string): Promise<WebSessionWithMember | undefined> {
  return db
    .selectFrom('web_sessions as s')
    .innerJoin('members as m', 'm.id', 's.member_id')
    .select([
      's.id',
      's.campaign_id',
      's.member_id',
      's.role',
      's.unit_id',
      's.expires_at',
      's.revoked_at',
      'm.active as member_active',
      'm.role as member_role',
      'm.unit_id as member_unit_id',
    ])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Revokes every live link and session of a member; returns how many of each. */
export async function revokeMemberWebAccess(
  db: Db,
  memberId: number,
  now: Date,
): Promise<{ links: number; sessions: number }> {
  const links = await db
    .updateTable('web_links')
    .set({ revoked_at: now })
    .where('member_id', '=', memberId)
    .where('revoked_at', 'is', null)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  const sessions = await db
    .updateTable('web_sessions')
    .set({ revoked_at: now })
    .where('member_id', '=', memberId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return { links: Number(links.numUpdatedRows), sessions: Number(sessions.numUpdatedRows) };
}

/** A member by id (the web side knows members by the session's id, not by a chat). */
export async function findWebMember(db: Db, memberId: number) {
  return db.selectFrom('members').selectAll().where('id', '=', memberId).executeTakeFirst();
}

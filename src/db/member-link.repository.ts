import type { Db } from './database.js';
import type { LinkCodeRow } from './link-code.table.js';
import type { MemberRow } from './member.table.js';

/** Stores a new link code (its hash), dropping the member's earlier unused ones: one open code each. */
export async function insertLinkCode(
  db: Db,
  row: { memberId: number; codeHash: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await db
    .deleteFrom('link_codes')
    .where('member_id', '=', row.memberId)
    .where('used_at', 'is', null)
    .execute();
  await db
    .insertInto('link_codes')
    .values({
      member_id: row.memberId,
      code_hash: row.codeHash,
      created_at: row.createdAt,
      expires_at: row.expiresAt,
      used_at: null,
    })
    .execute();
}

/** A link code by its hash, locked for the caller's transaction (so it is used once). */
export async function findLinkCodeForUpdate(db: Db, codeHash: string): Promise<LinkCodeRow | undefined> {
  return db
    .selectFrom('link_codes')
    .selectAll()
    .where('code_hash', '=', codeHash)
    .forUpdate()
    .executeTakeFirst();
}

export async function markLinkCodeUsed(db: Db, id: number, at: Date): Promise<void> {
  await db.updateTable('link_codes').set({ used_at: at }).where('id', '=', id).execute();
}

export async function findMemberById(db: Db, id: number): Promise<MemberRow | undefined> {
  return db.selectFrom('members').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The person a membership belongs to: the first membership they had (itself when never linked). */
export async function personOf(db: Db, memberId: number): Promise<number> {
  const link = await db
    .selectFrom('member_links')
    .select('person_member_id')
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return link?.person_member_id ?? memberId;
}

/** Records that `memberId` is the same person as `personMemberId` (replacing an earlier link). */
export async function linkMember(db: Db, memberId: number, personMemberId: number, at: Date): Promise<void> {
  await db
    .insertInto('member_links')
    .values({ member_id: memberId, person_member_id: personMemberId, linked_at: at })
    .onConflict((oc) =>
      oc.column('member_id').doUpdateSet({ person_member_id: personMemberId, linked_at: at }),
    )
    .execute();
}

/** Every membership of a person (their first one and those linked to it), active or not. */
export async function listPersonMemberships(db: Db, personMemberId: number): Promise<MemberRow[]> {
  return db
    .selectFrom('members')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('id', '=', personMemberId),
        eb(
          'id',
          'in',
          eb.selectFrom('member_links').select('member_id').where('person_member_id', '=', personMemberId),
        ),
      ]),
    )
    .orderBy('id')
    .execute();
}

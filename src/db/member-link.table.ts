import type { Insertable, Selectable } from 'kysely';

/** Row of `member_links`: a membership created by linking, and the person's first membership. */
export interface MemberLinkTable {
  member_id: number;
  person_member_id: number;
  linked_at: Date;
}
export type MemberLinkRow = Selectable<MemberLinkTable>;
export type NewMemberLinkRow = Insertable<MemberLinkTable>;

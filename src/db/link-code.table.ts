import type { Generated, Insertable, Selectable } from 'kysely';

/** Row of `link_codes`: a code shown on one platform to join the same person on another (hash only). */
export interface LinkCodeTable {
  id: Generated<number>;
  /** The membership that asked for the code: its unit and role are what the new membership gets. */
  member_id: number;
  code_hash: string;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
}
export type LinkCodeRow = Selectable<LinkCodeTable>;
export type NewLinkCodeRow = Insertable<LinkCodeTable>;

import type { Generated, Insertable, Selectable } from 'kysely';
import type { Role } from '../domain/role.js';

/** Row of `web_links` (migration 0200): a personal link, stored as the hash of its token. */
export interface WebLinkTable {
  id: Generated<number>;
  campaign_id: number;
  member_id: number;
  token_hash: string;
  role: Role;
  unit_id: number;
  created_at: Date;
  expires_at: Date;
  /** When it was exchanged for a session: a link works once. */
  used_at: Date | null;
  revoked_at: Date | null;
}
export type WebLinkRow = Selectable<WebLinkTable>;
export type NewWebLinkRow = Insertable<WebLinkTable>;

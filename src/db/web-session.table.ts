import type { Generated, Insertable, Selectable } from 'kysely';
import type { Role } from '../domain/role.js';

/** Row of `web_sessions` (migration 0200): what a personal link became on first use; the cookie's hash. */
export interface WebSessionTable {
  id: Generated<number>;
  campaign_id: number;
  member_id: number;
  link_id: number;
  token_hash: string;
  role: Role;
  unit_id: number;
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
}
export type WebSessionRow = Selectable<WebSessionTable>;
export type NewWebSessionRow = Insertable<WebSessionTable>;

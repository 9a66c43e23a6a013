import type { Generated, Insertable, Selectable } from 'kysely';
import type { Role } from '../domain/role.js';

/** Row of `invites`; the code itself is never stored, only its hash. */
export interface InviteTable {
  id: Generated<number>;
  campaign_id: number;
  code_hash: string;
  unit_id: number;
  role: Role;
  uses_left: number;
  expires_at: Date;
  created_by: string;
  created_at: Date;
  revoked_at: Date | null;
}
export type InviteRow = Selectable<InviteTable>;
export type NewInviteRow = Insertable<InviteTable>;

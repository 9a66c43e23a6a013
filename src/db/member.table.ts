import type { Generated, Insertable, Selectable } from 'kysely';
import type { Role } from '../domain/role.js';

// Re-exported while importers move to the domain's own module.
/** Row of `members`. */
export interface MemberTable {
  id: Generated<number>;
  campaign_id: number;
  platform: string;
  platform_user_id: string;
  display_name: string;
  role: Role;
  unit_id: number;
  active: Generated<boolean>;
  joined_at: Date;
  updated_at: Date;
}
export type MemberRow = Selectable<MemberTable>;
export type NewMemberRow = Insertable<MemberTable>;

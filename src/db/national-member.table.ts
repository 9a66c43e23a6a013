import type { Generated, Insertable, Selectable } from 'kysely';

/** Row of `national_members`: a leader who sees every campaign's province side by side. */
export interface NationalMemberTable {
  id: Generated<number>;
  platform: string;
  platform_user_id: string;
  display_name: string;
  active: Generated<boolean>;
  joined_at: Date;
  updated_at: Date;
}
export type NationalMemberRow = Selectable<NationalMemberTable>;
export type NewNationalMemberRow = Insertable<NationalMemberTable>;

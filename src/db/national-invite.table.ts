import type { Generated, Insertable, Selectable } from 'kysely';

/** Row of `national_invites`: a code for a national leader (every campaign); only its hash is kept. */
export interface NationalInviteTable {
  id: Generated<number>;
  code_hash: string;
  uses_left: number;
  expires_at: Date;
  created_by: string;
  created_at: Date;
  revoked_at: Date | null;
}
export type NationalInviteRow = Selectable<NationalInviteTable>;
export type NewNationalInviteRow = Insertable<NationalInviteTable>;

import type { Generated, Insertable } from 'kysely';

/** Row of `invite_attempts`, for throttling guesses. */
export interface InviteAttemptTable {
  id: Generated<number>;
  platform: string;
  platform_user_id: string;
  succeeded: boolean;
  attempted_at: Date;
}
export type NewInviteAttemptRow = Insertable<InviteAttemptTable>;

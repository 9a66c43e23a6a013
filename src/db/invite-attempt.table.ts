import type { Generated, Insertable } from 'kysely';

/** Row of `invite_attempts`, for throttling guesses. */
export interface InviteAttemptTable {
  id: Generated<number>;
  /** The campaign the code was typed in (null on rows from before the campaign budget). */
  campaign_id: number | null;
  platform: string;
  platform_user_id: string;
  succeeded: boolean;
  attempted_at: Date;
}
export type NewInviteAttemptRow = Insertable<InviteAttemptTable>;

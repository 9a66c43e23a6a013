import type { Generated, Selectable } from 'kysely';

/** What a member may do; scope is the member's unit and everything under it. */
export type Role = 'reporter' | 'coordinator' | 'leader';

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

/** Row of `invite_attempts`, for throttling guesses. */
export interface InviteAttemptTable {
  id: Generated<number>;
  platform: string;
  platform_user_id: string;
  succeeded: boolean;
  attempted_at: Date;
}

/** Row of `group_chats`: a group registered for reports or coordination. */
export interface GroupChatTable {
  id: Generated<number>;
  campaign_id: number;
  platform: string;
  chat_id: string;
  title: string;
  purpose: 'leadership' | 'coordination';
  scope_unit_id: number;
  registered_by: number | null;
  active: Generated<boolean>;
  registered_at: Date;
}
export type GroupChatRow = Selectable<GroupChatTable>;

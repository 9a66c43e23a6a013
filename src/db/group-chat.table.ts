import type { Generated, Insertable, Selectable } from 'kysely';

/** What a registered group gets: the leaders' evening package, or coordinators' reports. */
export type GroupChatPurpose = 'leadership' | 'coordination';

/** Row of `group_chats`: a group registered for reports or coordination. */
export interface GroupChatTable {
  id: Generated<number>;
  campaign_id: number;
  platform: string;
  chat_id: string;
  title: string;
  purpose: GroupChatPurpose;
  scope_unit_id: number;
  registered_by: number | null;
  active: Generated<boolean>;
  registered_at: Date;
}
export type GroupChatRow = Selectable<GroupChatTable>;
export type NewGroupChatRow = Insertable<GroupChatTable>;

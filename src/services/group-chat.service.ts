import type { Db } from '../db/database.js';
import { listActiveGroupChats } from '../db/group-chat.repository.js';
import type { GroupChatPurpose, GroupChatRow } from '../db/group-chat.table.js';

/** The active groups of a campaign registered for a purpose (e.g. leadership groups for the evening package). */
export async function listActiveGroups(
  db: Db,
  campaignId: number,
  purpose: GroupChatPurpose,
): Promise<GroupChatRow[]> {
  return listActiveGroupChats(db, campaignId, purpose);
}

import type { Db } from './database.js';
import type { GroupChatPurpose, GroupChatRow, NewGroupChatRow } from './group-chat.table.js';

/** Registers a group chat, or re-points an existing registration at a new scope and purpose. */
export async function upsertGroupChat(
  db: Db,
  row: Omit<NewGroupChatRow, 'id' | 'registered_by' | 'active'>,
): Promise<void> {
  await db
    .insertInto('group_chats')
    .values({ ...row, registered_by: null, active: true })
    .onConflict((oc) =>
      oc.columns(['campaign_id', 'platform', 'chat_id']).doUpdateSet({
        title: row.title,
        purpose: row.purpose,
        scope_unit_id: row.scope_unit_id,
        active: true,
        registered_at: row.registered_at,
      }),
    )
    .execute();
}

/** Finds a registered group chat. */
export async function findGroupChat(
  db: Db,
  campaignId: number,
  platform: string,
  chatId: string,
): Promise<GroupChatRow | undefined> {
  return db
    .selectFrom('group_chats')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where('platform', '=', platform)
    .where('chat_id', '=', chatId)
    .executeTakeFirst();
}

/** Lists the active groups of a campaign with a purpose. */
export async function listActiveGroupChats(
  db: Db,
  campaignId: number,
  purpose: GroupChatPurpose,
): Promise<GroupChatRow[]> {
  return db
    .selectFrom('group_chats')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where('purpose', '=', purpose)
    .where('active', '=', true)
    .orderBy('id')
    .execute();
}

/** Marks a group chat inactive in every campaign (the bot was removed from it or it was deleted). */
export async function deactivateGroupChatsByChat(db: Db, platform: string, chatId: string): Promise<void> {
  await db
    .updateTable('group_chats')
    .set({ active: false })
    .where('platform', '=', platform)
    .where('chat_id', '=', chatId)
    .execute();
}

import type { Db } from './database.js';
import type { GroupChatRow } from './group-chat.table.js';
import type { MemberRow } from './member.table.js';

/** Every membership of one platform identity among the given campaigns, active first, newest first. */
export async function listIdentityMemberships(
  db: Db,
  platform: string,
  platformUserId: string,
  campaignIds: readonly number[],
): Promise<MemberRow[]> {
  if (campaignIds.length === 0) return [];
  return db
    .selectFrom('members')
    .selectAll()
    .where('platform', '=', platform)
    .where('platform_user_id', '=', platformUserId)
    .where('campaign_id', 'in', campaignIds)
    .orderBy('active', 'desc')
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** The active registrations of one group chat among the given campaigns, the latest first. */
export async function listGroupRegistrations(
  db: Db,
  platform: string,
  chatId: string,
  campaignIds: readonly number[],
): Promise<GroupChatRow[]> {
  if (campaignIds.length === 0) return [];
  return db
    .selectFrom('group_chats')
    .selectAll()
    .where('platform', '=', platform)
    .where('chat_id', '=', chatId)
    .where('campaign_id', 'in', campaignIds)
    .where('active', '=', true)
    .orderBy('registered_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** The campaign of the invite with this code hash, when there is one (hashes are unique). */
export async function findInviteCampaignId(db: Db, codeHash: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('invites')
    .select('campaign_id')
    .where('code_hash', '=', codeHash)
    .executeTakeFirst();
  return row?.campaign_id;
}

/** Whether any invite, of a campaign or national, already has this code hash. */
export async function inviteHashTaken(db: Db, codeHash: string): Promise<boolean> {
  const [campaign, national] = await Promise.all([
    db.selectFrom('invites').select('id').where('code_hash', '=', codeHash).executeTakeFirst(),
    db.selectFrom('national_invites').select('id').where('code_hash', '=', codeHash).executeTakeFirst(),
  ]);
  return campaign !== undefined || national !== undefined;
}

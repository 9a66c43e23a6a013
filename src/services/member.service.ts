import type { Db } from '../db/database.js';
import { deactivateGroupChatsByChat } from '../db/group-chat.repository.js';
import { deactivateMembersByChat, findMember } from '../db/member.repository.js';
import type { MemberRow } from '../db/member.table.js';
import { findUnitById } from '../db/unit.repository.js';
import type { UnitRow } from '../db/unit.table.js';

/** A member and the unit they belong to. */
export interface MemberWithUnit {
  readonly member: MemberRow;
  readonly unit: UnitRow;
}

/** Looks up a platform user's membership in a campaign. */
export async function findMemberWithUnit(
  db: Db,
  campaignId: number,
  platform: string,
  platformUserId: string,
): Promise<MemberWithUnit | undefined> {
  const member = await findMember(db, campaignId, platform, platformUserId);
  if (!member) return undefined;
  const unit = await findUnitById(db, member.unit_id);
  return unit ? { member, unit } : undefined;
}

/** A chat messages can no longer reach: a person's private chat, or a group. */
export interface LostRecipient {
  readonly platform: string;
  readonly chatId: string;
  /** Only the channel knows which its chat ids are; the sender tells. */
  readonly chat: 'private' | 'group';
}

/**
 * Stops sending to a chat the platform refuses for good (the person blocked the bot or deleted their
 * account; the bot was removed from the group): its members, or its group registrations, become inactive.
 */
export async function deactivateRecipient(db: Db, recipient: LostRecipient, at: Date): Promise<void> {
  if (recipient.chat === 'private') {
    await deactivateMembersByChat(db, recipient.platform, recipient.chatId, at);
  } else {
    await deactivateGroupChatsByChat(db, recipient.platform, recipient.chatId);
  }
}

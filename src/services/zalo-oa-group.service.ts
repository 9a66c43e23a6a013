import type { Clock } from '../domain/clock.js';
import type { Db } from '../db/database.js';
import { upsertGroupChat } from '../db/group-chat.repository.js';
import type { GroupChatPurpose } from '../db/group-chat.table.js';
import { findUnitByCode } from '../db/unit.repository.js';

/**
 * Registers a group the OA manages (GMF) by its Zalo `group_id`, as `/dangky` in the group would: the
 * evening package (leadership) or coordinators' notes (coordination) of `unitCode`'s scope go there.
 * `chatId` is the channel's chat id for the group (the OA adapter prefixes group ids).
 */
export async function registerZaloOaGroup(
  db: Db,
  args: {
    campaignId: number;
    platform: string;
    chatId: string;
    unitCode: string;
    title: string;
    purpose: GroupChatPurpose;
  },
  clock: Clock,
): Promise<{ kind: 'registered'; unitName: string } | { kind: 'unknown_unit' }> {
  const unit = await findUnitByCode(db, args.campaignId, args.unitCode);
  if (!unit) return { kind: 'unknown_unit' };
  await upsertGroupChat(db, {
    campaign_id: args.campaignId,
    platform: args.platform,
    chat_id: args.chatId,
    title: args.title,
    purpose: args.purpose,
    scope_unit_id: unit.id,
    registered_at: clock.now(),
  });
  return { kind: 'registered', unitName: unit.name };
}

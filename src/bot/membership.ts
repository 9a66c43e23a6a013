import type { Db } from '../db/database.js';
import type { MemberRow } from '../db/member.table.js';
import type { UnitRow } from '../db/unit.table.js';
import type { ChatMessage } from '../channels/chat-message.js';
import { findMemberWithUnit } from '../services/member.service.js';

/** The sender's membership in the campaign with its unit, when they have joined (active or not). */
export type Membership = { readonly member: MemberRow; readonly unit: UnitRow } | undefined;

/** Looks up who sent an update. */
export async function membershipOf(db: Db, campaignId: number, message: ChatMessage): Promise<Membership> {
  if (!message.from) return undefined;
  return findMemberWithUnit(db, campaignId, message.platform, message.from.id);
}

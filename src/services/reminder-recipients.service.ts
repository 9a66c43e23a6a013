import type { ReminderNotice } from '../domain/reminder-notice.js';
import type { Role } from '../domain/role.js';
import type { Db } from '../db/database.js';
import { listActiveMembersWithUnits, type MemberInUnit } from '../db/member.repository.js';

/** One notice for one chat, as a reminder service plans it (the caller words it and writes it to the outbox). */
export interface PlannedMessage {
  readonly platform: string;
  readonly chatId: string;
  readonly notice: ReminderNotice;
}

/** What a reminder service decided: the messages, and figures for the job ledger. */
export interface ReminderPlan {
  readonly messages: readonly PlannedMessage[];
  /** Units the reminders concern. */
  readonly units: number;
  readonly details: Readonly<Record<string, unknown>>;
}

/** Active members with a role, by unit id. */
export async function activeMembersByUnit(
  db: Db,
  campaignId: number,
  role: Role,
): Promise<Map<number, MemberInUnit[]>> {
  const byUnit = new Map<number, MemberInUnit[]>();
  for (const member of await listActiveMembersWithUnits(db, campaignId, { role })) {
    const list = byUnit.get(member.unit_id) ?? [];
    list.push(member);
    byUnit.set(member.unit_id, list);
  }
  return byUnit;
}

/** The same notice to each member (their private chat is their user id on their platform). */
export function messagesTo(members: readonly MemberInUnit[], notice: ReminderNotice): PlannedMessage[] {
  return members.map((m) => ({ platform: m.platform, chatId: m.platform_user_id, notice }));
}

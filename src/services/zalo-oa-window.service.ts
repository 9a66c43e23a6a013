import type { Role } from '../domain/role.js';
import { oaSendCost, type OaSendCost } from '../domain/zalo-oa-window.js';
import type { Db } from '../db/database.js';
import { listActiveMembersWithUnits } from '../db/member.repository.js';
import {
  findZaloOaContact,
  listZaloOaContacts,
  markZaloOaUnreachable,
  recordZaloOaInbound,
} from '../db/zalo-oa-contact.repository.js';
import type { ZaloOaContactRow } from '../db/zalo-oa-contact.table.js';
import { countZaloOaSends, insertZaloOaSend } from '../db/zalo-oa-send.repository.js';

/** A person wrote to the OA at `at`: their free window opens again and they are reachable. */
export async function noteZaloOaInbound(
  db: Db,
  userId: string,
  at: Date,
  msgId: string | undefined,
): Promise<void> {
  await recordZaloOaInbound(db, userId, at, msgId);
}

/** What the sender knows of a person before sending: their last message, and whether Zalo refused them. */
export async function zaloOaContact(db: Db, userId: string): Promise<ZaloOaContactRow | undefined> {
  return findZaloOaContact(db, userId);
}

/**
 * Records one send to a person and what it cost: `refused` with Zalo's code when it refused it (and the
 * person is marked unreachable until they write again), else free or billed by the 48-hour rule from the
 * last message they sent. Returns the cost and whether the person just became unreachable.
 */
export async function recordZaloOaUserSend(
  db: Db,
  send: { outboxId: number | null; userId: string; at: Date; refusedCode?: number },
): Promise<{ cost: OaSendCost; newlyUnreachable: boolean }> {
  if (send.refusedCode !== undefined) {
    await insertZaloOaSend(db, {
      outbox_id: send.outboxId,
      recipient_kind: 'user',
      recipient_id: send.userId,
      cost: 'refused',
      error_code: send.refusedCode,
      sent_at: send.at,
    });
    const newly = await markZaloOaUnreachable(db, send.userId, send.refusedCode, send.at);
    return { cost: 'refused', newlyUnreachable: newly };
  }
  const contact = await findZaloOaContact(db, send.userId);
  const cost = oaSendCost(contact?.last_inbound_at, send.at);
  // Zalo accepted it, so it was not refused: past 7 days by our records means events we never saw — billed.
  const charged: OaSendCost = cost === 'refused' ? 'billed' : cost;
  await insertZaloOaSend(db, {
    outbox_id: send.outboxId,
    recipient_kind: 'user',
    recipient_id: send.userId,
    cost: charged,
    error_code: null,
    sent_at: send.at,
  });
  return { cost: charged, newlyUnreachable: false };
}

/** Records a post into a GMF group (paid by the OA's GMF package, counted as free per message). */
export async function recordZaloOaGroupSend(
  db: Db,
  send: { outboxId: number | null; groupId: string; at: Date },
): Promise<void> {
  await insertZaloOaSend(db, {
    outbox_id: send.outboxId,
    recipient_kind: 'group',
    recipient_id: send.groupId,
    cost: 'free',
    error_code: null,
    sent_at: send.at,
  });
}

/** Sends by cost in [from, to). */
export async function zaloOaSendCounts(db: Db, from: Date, to: Date): Promise<Record<OaSendCost, number>> {
  return countZaloOaSends(db, from, to);
}

/** A campaign member on the OA as the window sees them. */
export interface OaMemberWindow {
  readonly memberId: number;
  readonly userId: string;
  readonly displayName: string;
  readonly role: Role;
  readonly unitId: number;
  readonly unitName: string;
  readonly lastInbound: Date | undefined;
  readonly unreachableSince: Date | undefined;
}

/** Every active member of a campaign on the OA platform, with their window state. */
export async function listOaMemberWindows(
  db: Db,
  campaignId: number,
  platform: string,
): Promise<OaMemberWindow[]> {
  const members = await listActiveMembersWithUnits(db, campaignId, { platform });
  const contacts = new Map(
    (
      await listZaloOaContacts(
        db,
        members.map((m) => m.platform_user_id),
      )
    ).map((c) => [c.user_id, c]),
  );
  return members.map((m) => {
    const c = contacts.get(m.platform_user_id);
    const known = c && c.last_inbound_at.getTime() > 0 ? c.last_inbound_at : undefined;
    return {
      memberId: m.member_id,
      userId: m.platform_user_id,
      displayName: m.display_name,
      role: m.role,
      unitId: m.unit_id,
      unitName: m.unit_name,
      lastInbound: known,
      unreachableSince: c?.unreachable_since ?? undefined,
    };
  });
}

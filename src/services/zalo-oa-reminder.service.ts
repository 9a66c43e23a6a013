import { freeWindowSendTime } from '../domain/zalo-oa-window.js';
import type { Db } from '../db/database.js';
import { listOutboxChatsByKeyPrefix } from '../db/zalo-oa-send.repository.js';
import { jobDedupePrefix } from './job-run.service.js';
import { listOaMemberWindows } from './zalo-oa-window.service.js';

/** The job that sends OA reporters their report call early, inside their free window. */
export const OA_EARLY_REMINDER_JOB = 'zalo-oa-nhac-som';

/**
 * When each OA reporter's report call should go so that it stays free (freeWindowSendTime), for the
 * reporters whose time is earlier than `planned`; people with no known last message are left out (their
 * reminder stays at the planned time).
 */
export async function movedOaReminders(
  db: Db,
  args: { campaignId: number; platform: string; planned: Date; earliest: Date },
): Promise<Map<string, Date>> {
  const moved = new Map<string, Date>();
  for (const member of await listOaMemberWindows(db, args.campaignId, args.platform)) {
    if (member.role !== 'reporter' || member.unreachableSince !== undefined) continue;
    const at = freeWindowSendTime({
      lastInbound: member.lastInbound,
      planned: args.planned,
      earliest: args.earliest,
    });
    if (at.getTime() < args.planned.getTime()) moved.set(member.userId, at);
  }
  return moved;
}

/**
 * The chats that already got their report call of `date` early (the early job's messages of any slot
 * that day): the planned report call leaves them out. Looked up in the outbox, so a reminder is only
 * left out when the early one was really enqueued.
 */
export async function oaRemindedEarly(db: Db, campaignCode: string, date: string): Promise<Set<string>> {
  // Every slot of that day: the slot id is `<campaign>:<date>T<HH:MM>`, so cut the prefix after the T.
  const prefix = jobDedupePrefix(OA_EARLY_REMINDER_JOB, `${campaignCode}:${date}T`).slice(0, -1);
  return new Set(await listOutboxChatsByKeyPrefix(db, prefix));
}

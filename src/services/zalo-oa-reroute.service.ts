import type { Db } from '../db/database.js';
import { listPersonMemberships, personOf } from '../db/member-link.repository.js';
import { enqueueOutbox } from '../db/outbox.repository.js';
import type { OutboxRow } from '../db/outbox.table.js';
import { listActiveMemberIdsOf } from '../db/zalo-oa-audience.repository.js';

/**
 * A message the OA could not deliver (the person silent more than 7 days, or never wrote) goes to the
 * same person's other channels — the memberships linked to theirs (`/lienket`) — as a copy keyed by the
 * original row, so a retry or a second refusal enqueues nothing new. Menus belong to one platform and
 * are not copied; an edit arrives as a new text there. Returns how many copies were enqueued.
 */
export async function rerouteUnreachableOaMessage(
  db: Db,
  args: { platform: string; userId: string; row: OutboxRow; at: Date },
): Promise<number> {
  const { row } = args;
  if (row.kind === 'menu') return 0;
  const targets = new Map<string, { platform: string; chatId: string }>();
  for (const memberId of await listActiveMemberIdsOf(db, args.platform, args.userId)) {
    for (const other of await listPersonMemberships(db, await personOf(db, memberId))) {
      if (!other.active || other.platform === args.platform) continue;
      targets.set(`${other.platform}:${other.platform_user_id}`, {
        platform: other.platform,
        chatId: other.platform_user_id,
      });
    }
  }
  const copies = [...targets.values()].map((t) => ({
    dedupeKey: `${row.dedupe_key}:via:${t.platform}:${t.chatId}`,
    platform: t.platform,
    chatId: t.chatId,
    kind: row.kind === 'edit' ? ('text' as const) : row.kind,
    payload: row.kind === 'edit' ? textOf(row.payload) : row.payload,
    attachment: row.attachment,
  }));
  return enqueueOutbox(db, copies, args.at);
}

function textOf(payload: unknown): { text: string; choices?: unknown } {
  const p = payload as { text: string; choices?: unknown };
  return p.choices === undefined ? { text: p.text } : { text: p.text, choices: p.choices };
}

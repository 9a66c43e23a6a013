import { sql } from 'kysely';
import type { OaSendCost } from '../domain/zalo-oa-window.js';
import type { Db } from './database.js';
import type { NewZaloOaSendRow } from './zalo-oa-send.table.js';

/** Records one send and what it cost. */
export async function insertZaloOaSend(db: Db, row: NewZaloOaSendRow): Promise<void> {
  await db.insertInto('zalo_oa_sends').values(row).execute();
}

/** How many sends had each cost in [from, to). */
export async function countZaloOaSends(db: Db, from: Date, to: Date): Promise<Record<OaSendCost, number>> {
  const rows = await db
    .selectFrom('zalo_oa_sends')
    .select(['cost', sql<string>`count(*)`.as('n')])
    .where('sent_at', '>=', from)
    .where('sent_at', '<', to)
    .groupBy('cost')
    .execute();
  const counts: Record<OaSendCost, number> = { free: 0, billed: 0, refused: 0 };
  for (const r of rows) counts[r.cost] = Number(r.n);
  return counts;
}

/** The chats of outbox rows whose dedupe key starts with `prefix` (which job messages already went). */
export async function listOutboxChatsByKeyPrefix(db: Db, prefix: string): Promise<string[]> {
  const rows = await db
    .selectFrom('outbox')
    .select('chat_id')
    .where('dedupe_key', 'like', `${prefix.replace(/[\\%_]/g, '\\$&')}%`)
    .execute();
  return rows.map((r) => r.chat_id);
}

import { sql, type Expression } from 'kysely';
import type { Db } from './database.js';
import type { ZaloOaContactRow } from './zalo-oa-contact.table.js';

function greatest(column: Expression<Date>, at: Date) {
  return sql<Date>`greatest(${column}, ${at})`;
}

/** Records that a person wrote to the OA: the window reopens and they are reachable again. */
export async function recordZaloOaInbound(
  db: Db,
  userId: string,
  at: Date,
  msgId: string | undefined,
): Promise<void> {
  await db
    .insertInto('zalo_oa_contacts')
    .values({
      user_id: userId,
      last_inbound_at: at,
      last_msg_id: msgId ?? null,
      unreachable_since: null,
      unreachable_code: null,
    })
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet((eb) => ({
        // Events may arrive out of order: keep the latest message.
        last_inbound_at: greatest(eb.ref('zalo_oa_contacts.last_inbound_at'), at),
        last_msg_id: msgId ?? eb.ref('zalo_oa_contacts.last_msg_id'),
        unreachable_since: null,
        unreachable_code: null,
      })),
    )
    .execute();
}

/** The contact rows of these people (all when `userIds` is undefined). */
export async function listZaloOaContacts(db: Db, userIds?: readonly string[]): Promise<ZaloOaContactRow[]> {
  if (userIds?.length === 0) return [];
  let query = db.selectFrom('zalo_oa_contacts').selectAll();
  if (userIds) query = query.where('user_id', 'in', userIds);
  return query.orderBy('user_id').execute();
}

/** One person's contact row. */
export async function findZaloOaContact(db: Db, userId: string): Promise<ZaloOaContactRow | undefined> {
  return db.selectFrom('zalo_oa_contacts').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** Records that Zalo refused to reach a person (they must write first); true when newly unreachable. */
export async function markZaloOaUnreachable(
  db: Db,
  userId: string,
  code: number,
  at: Date,
): Promise<boolean> {
  const existing = await findZaloOaContact(db, userId);
  if (existing?.unreachable_since) return false;
  await db
    .insertInto('zalo_oa_contacts')
    .values({
      user_id: userId,
      // Never wrote (-232): there is no last message; the epoch keeps the column simple and far outside any window.
      last_inbound_at: existing?.last_inbound_at ?? new Date(0),
      last_msg_id: existing?.last_msg_id ?? null,
      unreachable_since: at,
      unreachable_code: code,
    })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ unreachable_since: at, unreachable_code: code }))
    .execute();
  return true;
}

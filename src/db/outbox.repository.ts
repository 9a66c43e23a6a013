import { sql } from 'kysely';
import type { Db } from './database.js';
import type { OutboxKind, OutboxRow } from './messaging.table.js';

/** A message to enqueue. */
export interface NewOutboxMessage {
  readonly dedupeKey: string;
  readonly platform: string;
  readonly chatId: string;
  readonly kind: OutboxKind;
  readonly payload: unknown;
  readonly attachment?: Buffer | null;
}

/** Enqueues messages; a dedupe key already present is skipped, so re-running a cause sends nothing new. */
export async function enqueueOutbox(
  db: Db,
  messages: readonly NewOutboxMessage[],
  now: Date,
): Promise<number> {
  if (messages.length === 0) return 0;
  const inserted = await db
    .insertInto('outbox')
    .values(
      messages.map((m) => ({
        dedupe_key: m.dedupeKey,
        platform: m.platform,
        chat_id: m.chatId,
        kind: m.kind,
        payload: JSON.stringify(m.payload),
        attachment: m.attachment ?? null,
        next_attempt_at: now,
        last_error: null,
        result: null,
        created_at: now,
        sent_at: null,
      })),
    )
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .execute();
  return inserted.length;
}

/**
 * Claims due messages for sending: each claimed row's next attempt moves a lease ahead, so that another
 * sender skips it, and a sender that dies mid-send lets it be retried once the lease runs out.
 * Only the oldest pending row of each chat is claimable, which keeps every chat's messages in order.
 */
export async function claimDueOutbox(
  db: Db,
  now: Date,
  leaseMs: number,
  limit: number,
): Promise<OutboxRow[]> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  return db
    .updateTable('outbox')
    .set((eb) => ({ next_attempt_at: leaseUntil, attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('outbox as o')
        .select('o.id')
        .where('o.status', '=', 'pending')
        .where('o.next_attempt_at', '<=', now)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('outbox as earlier')
                .select(sql`1`.as('one'))
                .whereRef('earlier.chat_id', '=', 'o.chat_id')
                .whereRef('earlier.platform', '=', 'o.platform')
                .where('earlier.status', '=', 'pending')
                .whereRef('earlier.id', '<', 'o.id'),
            ),
          ),
        )
        .orderBy('o.id')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .execute();
}

/** Marks a message delivered, with what the platform answered (e.g. the message id). */
export async function markOutboxSent(db: Db, id: number, at: Date, result: unknown): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ status: 'sent', sent_at: at, result: JSON.stringify(result ?? null), last_error: null })
    .where('id', '=', id)
    .execute();
}

/** Schedules another attempt after a temporary failure. */
export async function rescheduleOutbox(
  db: Db,
  id: number,
  nextAttemptAt: Date,
  error: string,
): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ next_attempt_at: nextAttemptAt, last_error: error.slice(0, 2000) })
    .where('id', '=', id)
    .execute();
}

/** Gives up on a message (permanent error or too many attempts). */
export async function markOutboxFailed(db: Db, id: number, error: string): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ status: 'failed', last_error: error.slice(0, 2000) })
    .where('id', '=', id)
    .execute();
}

/** Finds a sent message's platform result by its dedupe key (to edit it later). */
export async function findOutboxByKey(db: Db, dedupeKey: string): Promise<OutboxRow | undefined> {
  return db.selectFrom('outbox').selectAll().where('dedupe_key', '=', dedupeKey).executeTakeFirst();
}

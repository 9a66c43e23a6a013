import type { Db } from './database.js';
import type { OutboxKind, OutboxRow } from './outbox.table.js';

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

/** How a claimed message's delivery ended, as far as the outbox is concerned. */
export type OutboxClaimOutcome =
  | { readonly status: 'sent'; readonly at: Date; readonly result: unknown }
  | { readonly status: 'failed'; readonly error: string }
  | { readonly status: 'retry'; readonly nextAttemptAt: Date; readonly error: string };

/**
 * Records the end of a delivery, but only while the claim still holds (the row's next attempt is still
 * the lease this sender got): a sender that outlived its lease must not overwrite the row's new owner.
 */
export async function settleOutboxClaim(
  db: Db,
  claim: { id: number; leaseUntil: Date },
  outcome: OutboxClaimOutcome,
): Promise<boolean> {
  const changes =
    outcome.status === 'sent'
      ? {
          status: 'sent' as const,
          sent_at: outcome.at,
          result: JSON.stringify(outcome.result ?? null),
          last_error: null,
        }
      : outcome.status === 'failed'
        ? { status: 'failed' as const, last_error: outcome.error.slice(0, 2000) }
        : { next_attempt_at: outcome.nextAttemptAt, last_error: outcome.error.slice(0, 2000) };
  const updated = await db
    .updateTable('outbox')
    .set(changes)
    .where('id', '=', claim.id)
    .where('status', '=', 'pending')
    .where('next_attempt_at', '=', claim.leaseUntil)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}

/**
 * Gives a claimed message back without counting the attempt: it was never tried (the sender is stopping,
 * or the chat's rate limit or Telegram's retry_after says later).
 */
export async function releaseOutboxClaim(
  db: Db,
  claim: { id: number; leaseUntil: Date },
  nextAttemptAt: Date,
  reason: string | null = null,
): Promise<boolean> {
  const updated = await db
    .updateTable('outbox')
    .set((eb) => ({
      next_attempt_at: nextAttemptAt,
      attempts: eb('attempts', '-', 1),
      ...(reason === null ? {} : { last_error: reason.slice(0, 2000) }),
    }))
    .where('id', '=', claim.id)
    .where('status', '=', 'pending')
    .where('next_attempt_at', '=', claim.leaseUntil)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}

/**
 * The first pending message of each chat (the only one that may be sent: chats keep their order).
 * DISTINCT ON walks the pending-per-chat index once, so the cost stays linear in the backlog whatever
 * the planner's statistics say (PGlite never analyses on its own; a correlated NOT EXISTS then goes
 * quadratic).
 */
function pendingHeads(db: Db) {
  return db
    .selectFrom('outbox')
    .distinctOn(['platform', 'chat_id'])
    .select('id')
    .where('status', '=', 'pending')
    .orderBy('platform')
    .orderBy('chat_id')
    .orderBy('id');
}

/**
 * Claims due messages for sending, oldest first, at most one per chat: each claimed row's next attempt
 * moves a lease ahead (so another sender skips it, and a sender that dies mid-send lets it be retried
 * once the lease runs out) and its attempts grow by one. Rows another sender is claiming are skipped
 * (SKIP LOCKED); one it has just claimed fails the re-checked due time, so no row is claimed twice.
 */
export async function claimOutboxHeads(
  db: Db,
  now: Date,
  leaseMs: number,
  limit: number,
): Promise<OutboxRow[]> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  // MATERIALIZED: picked once. Inlined as `id in (… limit n for update skip locked)` the planner may
  // rescan it, and each rescan can lock n more rows.
  return db
    .with(
      (cte) => cte('picked').materialized(),
      (qb) =>
        qb
          .selectFrom('outbox as o')
          .select('o.id')
          .where('o.id', 'in', pendingHeads(db))
          .where('o.status', '=', 'pending')
          .where('o.next_attempt_at', '<=', now)
          .orderBy('o.id')
          .limit(limit)
          .forUpdate()
          .skipLocked(),
    )
    .updateTable('outbox')
    .from('picked')
    .set((eb) => ({ next_attempt_at: leaseUntil, attempts: eb('outbox.attempts', '+', 1) }))
    .whereRef('outbox.id', '=', 'picked.id')
    .where('outbox.status', '=', 'pending')
    .where('outbox.next_attempt_at', '<=', now)
    .returningAll('outbox')
    .execute();
}

/**
 * When the next message becomes claimable: the earliest due time among the first pending message of each
 * chat (a lease end counts). Later messages of a chat wait for the first one, so they are not counted.
 */
export async function nextOutboxDueAt(db: Db): Promise<Date | undefined> {
  const row = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.min('next_attempt_at').as('due'))
    .where('id', 'in', pendingHeads(db))
    .executeTakeFirst();
  return row?.due ?? undefined;
}

/** Delivery counts of the messages whose dedupe key starts with `prefix` (one job run, one broadcast). */
export async function countOutboxByKeyPrefix(
  db: Db,
  prefix: string,
): Promise<{ pending: number; sent: number; failed: number }> {
  const escaped = prefix.replace(/[\\%_]/g, (ch) => `\\${ch}`);
  const rows = await db
    .selectFrom('outbox')
    .select((eb) => ['status', eb.fn.countAll<number>().as('count')])
    .where('dedupe_key', 'like', `${escaped}%`)
    .groupBy('status')
    .execute();
  const counts = { pending: 0, sent: 0, failed: 0 };
  for (const row of rows) counts[row.status] = Number(row.count);
  return counts;
}

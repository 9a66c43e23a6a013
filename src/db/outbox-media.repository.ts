import type { Db } from './database.js';

/** What a published outbox file is served from: the row's kind, payload and bytes. */
export interface OutboxMediaRow {
  readonly kind: string;
  readonly payload: unknown;
  readonly attachment: Buffer | null;
}

/** One outbox row's attachment, for a channel that fetches media by URL (Zalo Bot); undefined once purged. */
export async function findOutboxMedia(db: Db, outboxId: number): Promise<OutboxMediaRow | undefined> {
  return db
    .selectFrom('outbox')
    .select(['kind', 'payload', 'attachment'])
    .where('id', '=', outboxId)
    .executeTakeFirst();
}

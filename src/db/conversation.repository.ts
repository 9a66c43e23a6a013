import type { Db } from './database.js';

/** A conversation's identity: one per user per chat. */
export interface ConversationKey {
  readonly platform: string;
  readonly chatId: string;
  readonly userId: string;
}

/** Reads a live conversation of a kind; expired ones count as absent. */
export async function findConversation<T>(
  db: Db,
  key: ConversationKey,
  kind: string,
  now: Date,
): Promise<T | undefined> {
  const row = await db
    .selectFrom('conversations')
    .select('state')
    .where('platform', '=', key.platform)
    .where('chat_id', '=', key.chatId)
    .where('user_id', '=', key.userId)
    .where('kind', '=', kind)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row?.state as T | undefined;
}

/** Starts or replaces the user's conversation. */
export async function saveConversation(
  db: Db,
  key: ConversationKey,
  kind: string,
  state: unknown,
  now: Date,
  ttlMs: number,
): Promise<void> {
  const expires = new Date(now.getTime() + ttlMs);
  const json = JSON.stringify(state);
  await db
    .insertInto('conversations')
    .values({
      platform: key.platform,
      chat_id: key.chatId,
      user_id: key.userId,
      kind,
      state: json,
      updated_at: now,
      expires_at: expires,
    })
    .onConflict((oc) =>
      oc
        .columns(['platform', 'chat_id', 'user_id'])
        .doUpdateSet({ kind, state: json, updated_at: now, expires_at: expires }),
    )
    .execute();
}

/** Ends the user's conversation (of any kind, or only of `kind`). */
export async function deleteConversation(db: Db, key: ConversationKey, kind?: string): Promise<void> {
  let query = db
    .deleteFrom('conversations')
    .where('platform', '=', key.platform)
    .where('chat_id', '=', key.chatId)
    .where('user_id', '=', key.userId);
  if (kind) query = query.where('kind', '=', kind);
  await query.execute();
}

import type { Db } from './database.js';

/** One choice as a text row's payload keeps it. */
export interface StoredChoice {
  readonly label: string;
  readonly data: string;
}

/** How far back a group chat's lookup reads: a choice buried deeper is too old to answer by number. */
const GROUP_LOOKBACK_ROWS = 20;

function choicesOf(payload: unknown): readonly StoredChoice[] | undefined {
  const choices = (payload as { choices?: unknown } | null | undefined)?.choices;
  if (!Array.isArray(choices)) return undefined;
  const flat = (choices as unknown[]).flatMap((r) => (Array.isArray(r) ? r : []));
  const valid = flat.filter(
    (c): c is StoredChoice =>
      typeof (c as StoredChoice | null)?.data === 'string' && typeof (c as StoredChoice).label === 'string',
  );
  return valid.length > 0 ? valid : undefined;
}

/**
 * The choices of a message the bot sent (or queued) to a chat, flattened in the order they were shown.
 * In a private chat only the very last text counts: a question asked after the choices (a step-by-step
 * report's «how many?») must get its number, not pick a choice. In a group the bot asks no such
 * questions, and its answers to other people come between: the last text that offered choices counts.
 */
export async function findLastChoicesSent(
  db: Db,
  chat: { readonly platform: string; readonly chatId: string; readonly kind: 'private' | 'group' },
): Promise<readonly StoredChoice[] | undefined> {
  const rows = await db
    .selectFrom('outbox')
    .select(['payload'])
    .where('platform', '=', chat.platform)
    .where('chat_id', '=', chat.chatId)
    .where('kind', 'in', ['text', 'edit'])
    .orderBy('id', 'desc')
    .limit(chat.kind === 'group' ? GROUP_LOOKBACK_ROWS : 1)
    .execute();
  for (const row of rows) {
    const choices = choicesOf(row.payload);
    if (choices) return choices;
  }
  return undefined;
}

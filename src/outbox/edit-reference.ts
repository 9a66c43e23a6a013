import type { Db } from '../db/database.js';
import type { OutboxRow } from '../db/outbox.table.js';
import { findOutboxByKey } from '../db/outbox.repository.js';

/**
 * An edit may name the message it edits by that message's dedupe key (`ref_dedupe_key`), because the
 * id Telegram gives a message is known only once it was sent. Rows of a chat go out in order, so the
 * referenced one has been tried already: edit it when it was sent, else send the text as a new message.
 */
export async function resolveEditReference(db: Db, row: OutboxRow): Promise<OutboxRow> {
  const payload = row.payload as { ref_dedupe_key?: string; message_id?: number; text?: string };
  if (row.kind !== 'edit' || payload.ref_dedupe_key === undefined || payload.message_id !== undefined)
    return row;
  const referenced = await findOutboxByKey(db, payload.ref_dedupe_key);
  const messageId = (referenced?.result as { message_id?: number } | null | undefined)?.message_id;
  if (referenced?.status === 'sent' && typeof messageId === 'number') {
    return { ...row, payload: { ...payload, message_id: messageId } };
  }
  return { ...row, kind: 'text', payload: { text: payload.text ?? '' } };
}

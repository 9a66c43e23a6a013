import type { Generated, Insertable, Selectable } from 'kysely';
import type { JsonColumn } from './column-types.js';

/** Row of `inbox`: a raw platform update, stored before it is handled. */
export interface InboxTable {
  id: Generated<number>;
  platform: string;
  update_id: number;
  payload: JsonColumn<unknown>;
  status: Generated<'pending' | 'done' | 'failed'>;
  attempts: Generated<number>;
  last_error: string | null;
  received_at: Date;
  handled_at: Date | null;
  /** When the retention job removed its chat text (the payload keeps only `redacted`). */
  redacted_at: Date | null;
}
export type InboxRow = Selectable<InboxTable>;
export type NewInboxRow = Insertable<InboxTable>;

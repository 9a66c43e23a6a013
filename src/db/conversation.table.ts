import type { Insertable } from 'kysely';
import type { JsonColumn } from './column-types.js';

/** Row of `conversations`: the state of a multi-step chat with one user. */
export interface ConversationTable {
  platform: string;
  chat_id: string;
  user_id: string;
  kind: string;
  state: JsonColumn<unknown>;
  updated_at: Date;
  expires_at: Date;
}
export type NewConversationRow = Insertable<ConversationTable>;

import type { Generated, Insertable, Selectable } from 'kysely';
import type { OaSendCost } from '../domain/zalo-oa-window.js';

/** Row of `zalo_oa_sends`: one call that sent (or tried to send) a message, and what it cost. */
export interface ZaloOaSendTable {
  id: Generated<number>;
  outbox_id: number | null;
  recipient_kind: 'user' | 'group';
  recipient_id: string;
  cost: OaSendCost;
  /** Zalo's error code when it refused the send. */
  error_code: number | null;
  sent_at: Date;
}
export type ZaloOaSendRow = Selectable<ZaloOaSendTable>;
export type NewZaloOaSendRow = Insertable<ZaloOaSendTable>;

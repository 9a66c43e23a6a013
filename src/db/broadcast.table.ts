import type { Generated, Insertable, Selectable } from 'kysely';
import type { JsonColumn } from './column-types.js';

/** Who a coordinator's broadcast goes to, as stored (the words for it come from the messages layer). */
export type BroadcastAudienceCode = 'chuabaocao' | 'cham' | 'tatca' | 'unit';

/** One person a broadcast reaches: a reporter's chat, and the commune they report for. */
export interface BroadcastRecipient {
  readonly platform: string;
  readonly chatId: string;
  readonly unitId: number;
}

/** Row of `broadcasts` (migration 0002): a coordinator's /nhacnho, pending until confirmed. */
export interface BroadcastTable {
  id: Generated<number>;
  campaign_id: number;
  member_id: number;
  platform: string;
  chat_id: string;
  audience: BroadcastAudienceCode;
  audience_unit_id: number | null;
  text: string;
  recipients: JsonColumn<BroadcastRecipient[]>;
  status: Generated<'pending' | 'confirmed' | 'cancelled'>;
  created_at: Date;
  expires_at: Date;
  decided_at: Date | null;
}
export type BroadcastRow = Selectable<BroadcastTable>;
export type NewBroadcastRow = Insertable<BroadcastTable>;

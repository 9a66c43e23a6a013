import type { Selectable } from 'kysely';

/** Row of `zalo_oa_contacts`: when a person last wrote to the OA, and whether Zalo still lets us reach them. */
export interface ZaloOaContactTable {
  user_id: string;
  last_inbound_at: Date;
  /** Their last message's id: replies quote it so that they stay inside the free window. */
  last_msg_id: string | null;
  /** Set when Zalo refused a send (-230 silent > 7 days, -232 never wrote); cleared when they write. */
  unreachable_since: Date | null;
  unreachable_code: number | null;
}
export type ZaloOaContactRow = Selectable<ZaloOaContactTable>;

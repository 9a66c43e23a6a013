import type { Insertable, Selectable } from 'kysely';

/** Row of `zalo_oa_tokens`: the OA's token pair, both sealed with ZALO_OA_TOKEN_KEY. */
export interface ZaloOaTokenTable {
  app_id: string;
  access_token: string;
  /** Single-use: replaced in the same transaction that spends it. */
  refresh_token: string;
  expires_at: Date;
  updated_at: Date;
  /** Set when the last refresh was refused (coordinators are told); cleared by the next success. */
  refresh_failed_at: Date | null;
  last_error: string | null;
}
export type ZaloOaTokenRow = Selectable<ZaloOaTokenTable>;
export type NewZaloOaTokenRow = Insertable<ZaloOaTokenTable>;

import type { Insertable, Selectable } from 'kysely';

/** Row of `web_secrets` (migration 0200): a signing secret made once and shared by every instance. */
export interface WebSecretTable {
  name: string;
  secret: string;
  created_at: Date;
}
export type WebSecretRow = Selectable<WebSecretTable>;
export type NewWebSecretRow = Insertable<WebSecretTable>;

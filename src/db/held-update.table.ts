import type { Insertable, Selectable } from 'kysely';

/** Row of `held_updates`: an update kept until its sender chooses a campaign, then handled again. */
export interface HeldUpdateTable {
  inbox_id: number;
  platform: string;
  platform_user_id: string;
  held_at: Date;
}
export type HeldUpdateRow = Selectable<HeldUpdateTable>;
export type NewHeldUpdateRow = Insertable<HeldUpdateTable>;

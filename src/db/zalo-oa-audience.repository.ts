import type { Db } from './database.js';

/** The ids of the active memberships (any campaign) of one person on one platform. */
export async function listActiveMemberIdsOf(db: Db, platform: string, userId: string): Promise<number[]> {
  const rows = await db
    .selectFrom('members')
    .select('id')
    .where('platform', '=', platform)
    .where('platform_user_id', '=', userId)
    .where('active', '=', true)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

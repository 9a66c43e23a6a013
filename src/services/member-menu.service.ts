import type { Db } from '../db/database.js';
import { listActiveMembersOnPlatform } from '../db/member.repository.js';
import type { Role } from '../domain/role.js';

/** A person whose private chat gets their role's command menu. */
export interface MenuRecipient {
  /** Their private chat: on the platforms we have, the person's own id. */
  readonly chatId: string;
  readonly role: Role;
}

/** Every active member of a campaign on a platform, for setting their command menus at start. */
export async function listMenuRecipients(
  db: Db,
  campaignId: number,
  platform: string,
): Promise<MenuRecipient[]> {
  const rows = await listActiveMembersOnPlatform(db, campaignId, platform);
  return rows.map((row) => ({ chatId: row.platform_user_id, role: row.role }));
}

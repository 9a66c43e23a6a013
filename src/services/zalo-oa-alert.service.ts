import type { Db } from '../db/database.js';
import { listProvinceCoordinators } from '../db/member.repository.js';

/** A chat to tell about the OA channel itself. */
export interface OaAlertRecipient {
  readonly platform: string;
  readonly chatId: string;
}

/**
 * The province coordinators to tell about the OA (its token failing, its daily line). `otherThan`:
 * leave out this platform — when the OA cannot send, an alert through it would never arrive.
 */
export async function oaAlertRecipients(
  db: Db,
  campaignId: number,
  otherThan?: string,
): Promise<OaAlertRecipient[]> {
  const rows = await listProvinceCoordinators(db, campaignId);
  return rows
    .filter((r) => r.platform !== otherThan)
    .map((r) => ({ platform: r.platform, chatId: r.platform_user_id }));
}

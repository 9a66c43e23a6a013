import type { Db } from './database.js';

/** Appends one entry to the audit log. */
export async function insertAudit(
  db: Db,
  entry: { at: Date; actor: string; action: string; campaignId: number | null; details: unknown },
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      campaign_id: entry.campaignId,
      details: JSON.stringify(entry.details),
    })
    .execute();
}

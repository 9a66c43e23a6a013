import { sql } from 'kysely';
import type { Db } from './database.js';

/** Messages per platform: updates received from people, and messages the outbox delivered. */
export interface PlatformMessageCount {
  readonly platform: string;
  readonly received: number;
  readonly sent: number;
}

/** Counts every platform's inbox rows and delivered outbox rows (the whole database). */
export async function countMessagesByPlatform(db: Db): Promise<PlatformMessageCount[]> {
  const received = await db
    .selectFrom('inbox')
    .select(['platform', sql<string>`count(*)`.as('n')])
    .groupBy('platform')
    .execute();
  const sent = await db
    .selectFrom('outbox')
    .select(['platform', sql<string>`count(*)`.as('n')])
    .where('status', '=', 'sent')
    .groupBy('platform')
    .execute();
  const platforms = [...new Set([...received, ...sent].map((r) => r.platform))].sort();
  const countOf = (rows: readonly { platform: string; n: string }[], platform: string) =>
    Number(rows.find((r) => r.platform === platform)?.n ?? 0);
  return platforms.map((platform) => ({
    platform,
    received: countOf(received, platform),
    sent: countOf(sent, platform),
  }));
}

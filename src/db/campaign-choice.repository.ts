import { sql } from 'kysely';
import type { CampaignChoiceRow } from './campaign-choice.table.js';
import type { Db } from './database.js';

/** A person's remembered campaign choice (and when they were asked), if any. */
export async function findCampaignChoice(
  db: Db,
  platform: string,
  platformUserId: string,
): Promise<CampaignChoiceRow | undefined> {
  return db
    .selectFrom('campaign_choices')
    .selectAll()
    .where('platform', '=', platform)
    .where('platform_user_id', '=', platformUserId)
    .executeTakeFirst();
}

/** Remembers the campaign a person chose. */
export async function saveCampaignChoice(
  db: Db,
  choice: { platform: string; platformUserId: string; campaignId: number; at: Date },
): Promise<void> {
  await db
    .insertInto('campaign_choices')
    .values({
      platform: choice.platform,
      platform_user_id: choice.platformUserId,
      campaign_id: choice.campaignId,
      chosen_at: choice.at,
      asked_at: null,
    })
    .onConflict((oc) =>
      oc.columns(['platform', 'platform_user_id']).doUpdateSet({
        campaign_id: choice.campaignId,
        chosen_at: choice.at,
      }),
    )
    .execute();
}

/** Records that the bot asked a person to choose (keeps an earlier choice, which no longer applies). */
export async function markCampaignAsked(
  db: Db,
  platform: string,
  platformUserId: string,
  at: Date,
): Promise<void> {
  await db
    .insertInto('campaign_choices')
    .values({ platform, platform_user_id: platformUserId, campaign_id: null, chosen_at: null, asked_at: at })
    .onConflict((oc) => oc.columns(['platform', 'platform_user_id']).doUpdateSet({ asked_at: at }))
    .execute();
}

/** Keeps an update until its sender chooses a campaign; returns how many of theirs are now held. */
export async function holdUpdate(
  db: Db,
  held: { inboxId: number; platform: string; platformUserId: string; at: Date },
): Promise<number> {
  await db
    .insertInto('held_updates')
    .values({
      inbox_id: held.inboxId,
      platform: held.platform,
      platform_user_id: held.platformUserId,
      held_at: held.at,
    })
    .onConflict((oc) => oc.column('inbox_id').doNothing())
    .execute();
  return countHeldUpdates(db, held.platform, held.platformUserId);
}

/** How many of a person's updates wait for their choice. */
export async function countHeldUpdates(db: Db, platform: string, platformUserId: string): Promise<number> {
  const row = await db
    .selectFrom('held_updates')
    .select(sql<number>`count(*)`.as('n'))
    .where('platform', '=', platform)
    .where('platform_user_id', '=', platformUserId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Puts a person's held updates back in the inbox as pending (the processor takes them in their original
 * order, oldest first) and forgets them here; returns how many.
 */
export async function releaseHeldUpdates(db: Db, platform: string, platformUserId: string): Promise<number> {
  const released = await db
    .deleteFrom('held_updates')
    .where('platform', '=', platform)
    .where('platform_user_id', '=', platformUserId)
    .returning('inbox_id')
    .execute();
  const ids = released.map((r) => r.inbox_id);
  if (ids.length === 0) return 0;
  await db.updateTable('inbox').set({ status: 'pending', handled_at: null }).where('id', 'in', ids).execute();
  return ids.length;
}

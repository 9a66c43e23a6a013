import type { Db } from './database.js';

/** Records the platform a person gets the evening package on. */
export async function upsertPackageChannel(
  db: Db,
  personMemberId: number,
  platform: string,
  at: Date,
): Promise<void> {
  await db
    .insertInto('package_channel_choices')
    .values({ person_member_id: personMemberId, platform, chosen_at: at })
    .onConflict((oc) => oc.column('person_member_id').doUpdateSet({ platform, chosen_at: at }))
    .execute();
}

/** The platform a person chose, if they chose one. */
export async function findPackageChannel(db: Db, personMemberId: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('package_channel_choices')
    .select('platform')
    .where('person_member_id', '=', personMemberId)
    .executeTakeFirst();
  return row?.platform;
}

/** One person who gets the package one by one on a platform: their membership there. */
export interface PackageRecipientRow {
  readonly member_id: number;
  readonly platform_user_id: string;
  readonly role: string;
  readonly unit_id: number;
}

/**
 * The active leaders and coordinators of a campaign who chose `platform` for the package, with their
 * membership on that platform (the one the package is sent to), in member order.
 */
export async function listPackageRecipients(
  db: Db,
  campaignId: number,
  platform: string,
): Promise<PackageRecipientRow[]> {
  return db
    .selectFrom('members as m')
    .leftJoin('member_links as l', 'l.member_id', 'm.id')
    .innerJoin('package_channel_choices as c', (join) =>
      join.on((eb) => eb('c.person_member_id', '=', eb.fn.coalesce('l.person_member_id', 'm.id'))),
    )
    .select(['m.id as member_id', 'm.platform_user_id', 'm.role', 'm.unit_id'])
    .where('m.campaign_id', '=', campaignId)
    .where('m.platform', '=', platform)
    .where('m.active', '=', true)
    .where('m.role', 'in', ['leader', 'coordinator'])
    .where('c.platform', '=', platform)
    .orderBy('m.id')
    .execute();
}

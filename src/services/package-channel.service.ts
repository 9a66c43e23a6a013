import type { Clock } from '../domain/clock.js';
import type { Db } from '../db/database.js';
import { listPersonMemberships, personOf } from '../db/member-link.repository.js';
import type { MemberRow } from '../db/member.table.js';
import {
  findPackageChannel,
  listPackageRecipients,
  upsertPackageChannel,
  type PackageRecipientRow,
} from '../db/package-channel.repository.js';

export type { PackageRecipientRow };

/** Who may choose: the people the evening package is for. */
const CHOOSERS: readonly MemberRow['role'][] = ['leader', 'coordinator'];

export type PackageChannelOutcome =
  | { readonly kind: 'chosen'; readonly platform: string }
  | { readonly kind: 'refused'; readonly reason: 'not_allowed' }
  /** The person has no active membership on that platform yet (they link first). */
  | { readonly kind: 'refused'; readonly reason: 'not_on_platform'; readonly platform: string };

/**
 * Records the platform the evening package reaches this person on. `platforms` are the candidates the
 * person named, in preference order (e.g. «zalo» → Zalo Bot, then Zalo OA): the first they use is chosen.
 */
export async function choosePackageChannel(
  db: Db,
  member: MemberRow,
  platforms: readonly string[],
  clock: Clock,
): Promise<PackageChannelOutcome> {
  if (!member.active || !CHOOSERS.includes(member.role)) return { kind: 'refused', reason: 'not_allowed' };
  const person = await personOf(db, member.id);
  const memberships = await listPersonMemberships(db, person);
  const platform = platforms.find((p) => memberships.some((m) => m.platform === p && m.active));
  if (platform === undefined)
    return { kind: 'refused', reason: 'not_on_platform', platform: platforms[0] ?? '' };
  await upsertPackageChannel(db, person, platform, clock.now());
  return { kind: 'chosen', platform };
}

/** The platform a member's person chose for the package; undefined: not chosen (the group chat, as before). */
export async function packageChannelOf(db: Db, member: MemberRow): Promise<string | undefined> {
  return findPackageChannel(db, await personOf(db, member.id));
}

/** The platforms this member's person uses (active memberships), for telling them what they can pick. */
export async function platformsOfPerson(db: Db, member: MemberRow): Promise<string[]> {
  const memberships = await listPersonMemberships(db, await personOf(db, member.id));
  return [...new Set(memberships.filter((m) => m.active).map((m) => m.platform))];
}

/**
 * The people to send the evening package one by one on `platform` (e.g. Zalo Bot, which has no groups):
 * active leaders and coordinators who chose it, with their chat there (`platform_user_id`).
 */
export function packageRecipients(
  db: Db,
  campaignId: number,
  platform: string,
): Promise<PackageRecipientRow[]> {
  return listPackageRecipients(db, campaignId, platform);
}

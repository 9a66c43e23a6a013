import type { Db } from '../db/database.js';
import { findMember } from '../db/member.repository.js';
import type { MemberRow } from '../db/member.table.js';
import { findUnitById } from '../db/unit.repository.js';
import type { UnitRow } from '../db/unit.table.js';

/** A member and the unit they belong to. */
export interface MemberWithUnit {
  readonly member: MemberRow;
  readonly unit: UnitRow;
}

/** Looks up a platform user's membership in a campaign. */
export async function findMemberWithUnit(
  db: Db,
  campaignId: number,
  platform: string,
  platformUserId: string,
): Promise<MemberWithUnit | undefined> {
  const member = await findMember(db, campaignId, platform, platformUserId);
  if (!member) return undefined;
  const unit = await findUnitById(db, member.unit_id);
  return unit ? { member, unit } : undefined;
}

import type { Db } from './database.js';
import type { UnitDayFigures } from './daily-report.table.js';
import type { GroupChatRow } from './group-chat.table.js';
import type { MemberRow } from './member.table.js';
import type { NewUnitSuccessionRow } from './unit-succession.table.js';
import { stillOpen } from './unit-validity.js';

// The queries of a reorganisation (src/services/campaign-reorg.service.ts): what still points at the
// units about to retire, their last figures, and the moves. Units are never deleted, only retired.

/** An open unit with what points at it: active members, stored reports, active registered groups. */
export interface OpenUnitUsage {
  id: number;
  code: string;
  name: string;
  level: string;
  active_members: number;
  reports: number;
  groups: number;
}

/** Every open unit of a campaign with its usage, one statement. */
export async function listOpenUnitUsage(db: Db, campaignId: number): Promise<OpenUnitUsage[]> {
  const rows = await db
    .selectFrom('units as u')
    .select((eb) => [
      'u.id',
      'u.code',
      'u.name',
      'u.level',
      eb
        .selectFrom('members as m')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('m.unit_id', '=', 'u.id')
        .where('m.active', '=', true)
        .as('active_members'),
      eb
        .selectFrom('daily_reports as r')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('r.unit_id', '=', 'u.id')
        .as('reports'),
      eb
        .selectFrom('group_chats as g')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('g.scope_unit_id', '=', 'u.id')
        .where('g.active', '=', true)
        .as('groups'),
    ])
    .where('u.campaign_id', '=', campaignId)
    .where(stillOpen('u'))
    .orderBy('u.id')
    .execute();
  return rows.map((r) => ({
    ...r,
    active_members: Number(r.active_members ?? 0),
    reports: Number(r.reports ?? 0),
    groups: Number(r.groups ?? 0),
  }));
}

/** The links a reorganisation effective on a date stored, by codes (empty: none on that date). */
export async function listSuccessionsOn(
  db: Db,
  campaignId: number,
  effectiveOn: string,
): Promise<{ old_code: string; new_code: string; share: number }[]> {
  return db
    .selectFrom('unit_successions as s')
    .innerJoin('units as o', 'o.id', 's.old_unit_id')
    .innerJoin('units as n', 'n.id', 's.new_unit_id')
    .select(['o.code as old_code', 'n.code as new_code', 's.share'])
    .where('s.campaign_id', '=', campaignId)
    .where('s.effective_on', '=', effectiveOn)
    .orderBy('s.id')
    .execute();
}

/** Stores old → new links. */
export async function insertSuccessions(db: Db, rows: Omit<NewUnitSuccessionRow, 'id'>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('unit_successions').values(rows).execute();
}

/** Retires units: they count until `lastDay` included, and their code is free for a new unit. */
export async function retireUnits(db: Db, ids: readonly number[], lastDay: string): Promise<void> {
  if (ids.length > 0)
    await db.updateTable('units').set({ valid_to: lastDay }).where('id', 'in', ids).execute();
}

/** Each unit's latest report before a date (its last figures), one statement. */
export async function listLastFiguresBefore(
  db: Db,
  unitIds: readonly number[],
  before: string,
): Promise<UnitDayFigures[]> {
  if (unitIds.length === 0) return [];
  return db
    .selectFrom('daily_reports')
    .distinctOn('unit_id')
    .select(['unit_id', 'report_date', 'books', 'scanned', 'entered', 'attached'])
    .where('unit_id', 'in', unitIds)
    .where('report_date', '<', before)
    .orderBy('unit_id')
    .orderBy('report_date', 'desc')
    .execute();
}

/** The units among `unitIds` with a report on or after a date, with their latest such date. */
export async function listReportsFrom(
  db: Db,
  unitIds: readonly number[],
  from: string,
): Promise<{ unit_id: number; last: string }[]> {
  if (unitIds.length === 0) return [];
  return db
    .selectFrom('daily_reports')
    .select((eb) => ['unit_id', eb.fn.max<string>('report_date').as('last')])
    .where('unit_id', 'in', unitIds)
    .where('report_date', '>=', from)
    .groupBy('unit_id')
    .orderBy('unit_id')
    .execute();
}

/** Every member bound to one of the units (active or not). */
export async function listMembersOfUnits(db: Db, unitIds: readonly number[]): Promise<MemberRow[]> {
  if (unitIds.length === 0) return [];
  return db.selectFrom('members').selectAll().where('unit_id', 'in', unitIds).orderBy('id').execute();
}

/** Binds a member to another unit. */
export async function moveMember(db: Db, memberId: number, unitId: number, at: Date): Promise<void> {
  await db
    .updateTable('members')
    .set({ unit_id: unitId, updated_at: at })
    .where('id', '=', memberId)
    .execute();
}

/** Every registered group whose scope is one of the units (active or not). */
export async function listGroupChatsOfUnits(db: Db, unitIds: readonly number[]): Promise<GroupChatRow[]> {
  if (unitIds.length === 0) return [];
  return db
    .selectFrom('group_chats')
    .selectAll()
    .where('scope_unit_id', 'in', unitIds)
    .orderBy('id')
    .execute();
}

/** Points a registered group at another scope unit. */
export async function moveGroupChat(db: Db, groupChatId: number, unitId: number): Promise<void> {
  await db.updateTable('group_chats').set({ scope_unit_id: unitId }).where('id', '=', groupChatId).execute();
}

/** Revokes the unrevoked invites of the units; returns how many. */
export async function revokeInvitesOfUnits(db: Db, unitIds: readonly number[], at: Date): Promise<number> {
  if (unitIds.length === 0) return 0;
  const rows = await db
    .updateTable('invites')
    .set({ revoked_at: at })
    .where('unit_id', 'in', unitIds)
    .where('revoked_at', 'is', null)
    .returning('id')
    .execute();
  return rows.length;
}

import type { Db } from './database.js';
import type { CampaignRow, CampaignUpdate, NewCampaignRow } from './campaign.table.js';
import type { MilestoneRow, NewMilestoneRow } from './milestone.table.js';

/** Finds a campaign by its code. */
export async function findCampaignByCode(db: Db, code: string): Promise<CampaignRow | undefined> {
  return db.selectFrom('campaigns').selectAll().where('code', '=', code).executeTakeFirst();
}

/** Finds a campaign by id. */
export async function findCampaignById(db: Db, id: number): Promise<CampaignRow | undefined> {
  return db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Lists every campaign, newest start first. */
export async function listCampaigns(db: Db): Promise<CampaignRow[]> {
  return db.selectFrom('campaigns').selectAll().orderBy('start_date', 'desc').orderBy('id', 'desc').execute();
}

/** Inserts a campaign and returns it. */
export async function insertCampaign(db: Db, row: NewCampaignRow): Promise<CampaignRow> {
  return db.insertInto('campaigns').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Updates a campaign's columns. */
export async function updateCampaign(db: Db, id: number, changes: CampaignUpdate): Promise<void> {
  await db.updateTable('campaigns').set(changes).where('id', '=', id).execute();
}

/** Lists a campaign's milestones in plan order. */
export async function listMilestones(db: Db, campaignId: number): Promise<MilestoneRow[]> {
  return db
    .selectFrom('milestones')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .orderBy('position')
    .execute();
}

/** Replaces a milestone's fields, inserting it when new. */
export async function upsertMilestone(db: Db, row: Omit<NewMilestoneRow, 'id'>): Promise<void> {
  await db
    .insertInto('milestones')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['campaign_id', 'code']).doUpdateSet({
        title: row.title,
        metric: row.metric,
        deadline: row.deadline,
        position: row.position,
      }),
    )
    .execute();
}

/** Deletes milestones by code. */
export async function deleteMilestones(db: Db, campaignId: number, codes: string[]): Promise<void> {
  if (codes.length === 0) return;
  await db
    .deleteFrom('milestones')
    .where('campaign_id', '=', campaignId)
    .where('code', 'in', codes)
    .execute();
}

import type { CampaignDefinition } from '../domain/campaign.js';
import { treeDepths, type UnitDefinition } from '../domain/unit.js';
import type { Clock } from '../domain/clock.js';
import { CampaignFileError } from '../domain/errors.js';
import { insertAudit } from '../db/audit.repository.js';
import {
  deleteMilestones,
  findCampaignByCode,
  insertCampaign,
  listMilestones,
  updateCampaign,
  upsertMilestone,
} from '../db/campaign.repository.js';
import type { Db } from '../db/database.js';
import {
  deleteTargets,
  deleteUnits,
  insertUnits,
  listUnitsWithTargets,
  updateUnit,
  upsertTargets,
  type UnitWithTarget,
} from '../db/unit.repository.js';
import { campaignChanges, type CampaignChange } from '../domain/campaign-changes.js';
import { normalizeUnits, type UnitNameFix } from '../domain/unit-name.js';

/** What loading a campaign folder did. */
export interface CampaignLoadResult {
  readonly campaignId: number;
  readonly created: boolean;
  /** What changed, as data (src/messages words it); empty when the database already matched the files. */
  readonly changes: readonly CampaignChange[];
  readonly counts: { readonly units: number; readonly targetBooks: number; readonly targetCases: number };
  /** Names and types in units.csv written another way (spaces, capitals) and stored normalised. */
  readonly normalized: readonly UnitNameFix[];
}

/**
 * Makes the database match a campaign folder, in one transaction: loading the same files twice changes
 * nothing; loading changed files applies and lists the changes; a failure leaves the database as it was.
 */
export async function loadCampaign(
  db: Db,
  folder: CampaignDefinition,
  clock: Clock,
  actor = 'cli',
): Promise<CampaignLoadResult> {
  return db.transaction().execute((trx) => loadCampaignIn(trx, folder, clock.now(), actor));
}

/**
 * `loadCampaign`'s work inside the caller's transaction. `unitsValidFrom` dates the units it adds (a
 * reorganisation's new units count from the change date; see campaign-reorg.service.ts); units retired
 * by a reorganisation are no longer the campaign's and are left as they are.
 */
export async function loadCampaignIn(
  trx: Db,
  folder: CampaignDefinition,
  now: Date,
  actor: string,
  unitsValidFrom: string | null = null,
): Promise<CampaignLoadResult> {
  // One spelling per name in every list and chart: 'Xã  A Dơi' and 'Thị Trấn Ái Tử' are stored normalised.
  const { units, fixes } = normalizeUnits(folder.units);
  const definition: CampaignDefinition = { campaign: folder.campaign, units };
  const { campaign: file } = definition;
  const columns = {
    name: file.name,
    province_code: file.province.code,
    time_zone: file.timeZone,
    start_date: file.startDate,
    end_date: file.endDate,
    report_cutoff: file.reportCutoff,
    settings: JSON.stringify(file),
  };
  const existing = await findCampaignByCode(trx, file.code);
  const campaign =
    existing ??
    (await insertCampaign(trx, { code: file.code, ...columns, created_at: now, updated_at: now }));
  const before = {
    settings: existing ? existing.settings : null,
    milestones: await listMilestones(trx, campaign.id),
    units: await listUnitsWithTargets(trx, campaign.id),
  };
  const changes = campaignChanges(before, definition);
  if (existing && changes.length > 0) await updateCampaign(trx, campaign.id, { ...columns, updated_at: now });

  await syncMilestones(
    trx,
    campaign.id,
    definition,
    before.milestones.map((m) => m.code),
  );
  await syncUnits(trx, campaign.id, units, before.units, unitsValidFrom);

  if (!existing || changes.length > 0) {
    await insertAudit(trx, {
      at: now,
      actor,
      action: existing ? 'campaign.update' : 'campaign.create',
      campaignId: campaign.id,
      details: { changes: changes.slice(0, 500), changeCount: changes.length },
    });
  }
  const targets = units.filter((u) => u.target !== null);
  return {
    campaignId: campaign.id,
    created: !existing,
    changes: existing ? changes : [],
    counts: {
      units: units.length,
      targetBooks: targets.reduce((s, u) => s + (u.target?.books ?? 0), 0),
      targetCases: targets.reduce((s, u) => s + (u.target?.cases ?? 0), 0),
    },
    normalized: fixes,
  };
}

async function syncMilestones(
  db: Db,
  campaignId: number,
  definition: CampaignDefinition,
  oldCodes: string[],
) {
  const { milestones } = definition.campaign;
  for (const [position, m] of milestones.entries()) {
    await upsertMilestone(db, {
      campaign_id: campaignId,
      code: m.code,
      title: m.title,
      metric: m.metric,
      deadline: m.deadline,
      position,
    });
  }
  const kept = new Set(milestones.map((m) => m.code));
  await deleteMilestones(
    db,
    campaignId,
    oldCodes.filter((c) => !kept.has(c)),
  );
}

async function syncUnits(
  db: Db,
  campaignId: number,
  units: readonly UnitDefinition[],
  existing: UnitWithTarget[],
  validFrom: string | null,
) {
  const idByCode = new Map(existing.map((u) => [u.code, u.id]));
  const existingByCode = new Map(existing.map((u) => [u.code, u]));
  // Parents first, so every new child can point at its parent's id (a campaign declares its own levels).
  const depth = treeDepths(units.map((u) => ({ key: u.code, parent: u.parentCode })));
  const depthOf = (u: UnitDefinition) => depth.get(u.code) ?? 0;
  const ordered = [...units].sort((a, b) => depthOf(a) - depthOf(b));
  for (const level of new Set(ordered.map(depthOf))) {
    const fresh = ordered.filter((u) => depthOf(u) === level && !idByCode.has(u.code));
    const ids = await insertUnits(
      db,
      fresh.map((u) => ({
        campaign_id: campaignId,
        code: u.code,
        name: u.name,
        type: u.type,
        level: u.level,
        parent_id: u.parentCode === null ? null : (idByCode.get(u.parentCode) ?? null),
        valid_from: validFrom,
      })),
    );
    for (const [code, id] of ids) idByCode.set(code, id);
  }
  for (const u of ordered) {
    const old = existingByCode.get(u.code);
    const parentId = u.parentCode === null ? null : (idByCode.get(u.parentCode) ?? null);
    if (
      old &&
      (old.name !== u.name || old.type !== u.type || old.level !== u.level || old.parent_id !== parentId)
    ) {
      await updateUnit(db, old.id, { name: u.name, type: u.type, level: u.level, parent_id: parentId });
    }
  }
  const targets = units.flatMap((u) => {
    const unitId = idByCode.get(u.code);
    const old = existingByCode.get(u.code);
    if (!u.target || unitId === undefined) return [];
    if (old && old.target_books === u.target.books && old.target_cases === u.target.cases) return [];
    return [{ unit_id: unitId, books: u.target.books, cases: u.target.cases }];
  });
  await upsertTargets(db, targets);
  await deleteTargets(
    db,
    units.flatMap((u) => {
      const old = existingByCode.get(u.code);
      return !u.target && old && old.target_books !== null ? [old.id] : [];
    }),
  );
  const kept = new Set(units.map((u) => u.code));
  const removed = existing.filter((u) => !kept.has(u.code));
  // Children before parents, so the self-reference never blocks the delete.
  const oldDepth = treeDepths(existing.map((u) => ({ key: u.id, parent: u.parent_id })));
  removed.sort((a, b) => (oldDepth.get(b.id) ?? 0) - (oldDepth.get(a.id) ?? 0));
  try {
    await deleteUnits(
      db,
      removed.map((u) => u.id),
    );
  } catch (error) {
    if ((error as { code?: string }).code !== '23503') throw error;
    throw new CampaignFileError(
      `Không thể bỏ đơn vị ${removed.map((u) => `${u.code} ${u.name}`).join(', ')} khỏi chiến dịch: ` +
        'đã có thành viên, báo cáo hoặc tệp mẫu gắn với đơn vị. Giữ đơn vị trong units.csv (có thể bỏ chỉ tiêu), ' +
        'hoặc nếu đơn vị đã được sáp nhập, nạp kèm tệp đối chiếu: sohoa campaign load <thư mục> --mapping <tệp> --from <ngày>.',
      'units.csv',
    );
  }
}

import type { MetricCode } from '../domain/campaign-file.js';
import type { Campaign } from '../domain/campaign.js';
import { addDays } from '../domain/local-time.js';
import { paceOf, stepPlan, type PaceStatus } from '../domain/pace.js';
import { judgedDate, planCalendarOf } from '../domain/plan.js';
import type { Figures, RankedStanding } from '../domain/progress.js';
import type { Db } from '../db/database.js';
import type { UnitRow } from '../db/unit.table.js';
import {
  listCampaignUnits,
  listUnitDays,
  listUnitReminders,
  listUnitRevisions,
  listUnitSamples,
  type UnitDayRow,
  type UnitReminderRow,
  type UnitRevisionRow,
  type UnitSampleRow,
} from '../db/web-dashboard.repository.js';
import { getScopeProgress, momentOf, type ScopeProgress } from './progress.service.js';

/** How many days of figures, revisions, samples and reminders a commune's page shows. */
export const COMMUNE_PAGE_DAYS = 14;
const COMMUNE_PAGE_ROWS = 30;
/** The scheduled reminders a commune's page lists (with coordinators' broadcasts). */
const REMINDER_JOBS = ['nhac-bao-cao', 'thieu-bao-cao', 'dem-nguoc'];

/** The units of a campaign as a tree, to check scopes and walk down. */
export interface UnitTree {
  readonly byId: ReadonlyMap<number, UnitRow>;
  readonly children: ReadonlyMap<number, readonly UnitRow[]>;
}

/** Reads a campaign's units once and indexes them. */
export async function loadUnitTree(db: Db, campaignId: number): Promise<UnitTree> {
  const units = await listCampaignUnits(db, campaignId);
  const byId = new Map(units.map((u) => [u.id, u]));
  const children = new Map<number, UnitRow[]>();
  for (const u of units) {
    if (u.parent_id === null) continue;
    children.set(u.parent_id, [...(children.get(u.parent_id) ?? []), u]);
  }
  return { byId, children };
}

/** The unit and its ancestors, from the root down. */
export function ancestry(tree: UnitTree, unitId: number): UnitRow[] {
  const chain: UnitRow[] = [];
  for (let u = tree.byId.get(unitId); u; u = u.parent_id === null ? undefined : tree.byId.get(u.parent_id)) {
    chain.unshift(u);
    if (chain.length > 16) break; // a cycle would be a data error; never loop forever on a page
  }
  return chain;
}

/** Whether `unitId` is `scopeUnitId` or lies under it. */
export function isInScope(tree: UnitTree, scopeUnitId: number, unitId: number): boolean {
  return ancestry(tree, unitId).some((u) => u.id === scopeUnitId);
}

/** How a step stands in a scope (or a commune) on a date against its plan. */
export interface StepMark {
  readonly code: string;
  readonly title: string;
  readonly metric: MetricCode;
  readonly done: number;
  readonly target: number;
  /** done / target; null without a target. */
  readonly share: number | null;
  /** What the plan expects done by the judged day (0–1). */
  readonly plan: number;
  readonly pace: PaceStatus;
}

/** Every step's mark for figures against targets (the completion step is the ranking's pace). */
export function stepMarks(
  campaign: Campaign,
  figures: Figures,
  targets: { books: number; cases: number },
  judgedOn: string,
): StepMark[] {
  const calendar = planCalendarOf(campaign.settings);
  return campaign.settings.milestones.map((m) => {
    const target = m.metric === 'books' ? targets.books : targets.cases;
    const plan = stepPlan(calendar, m.deadline, judgedOn);
    const done = figures[m.metric];
    return {
      code: m.code,
      title: m.title,
      metric: m.metric,
      done,
      target,
      share: target > 0 ? done / target : null,
      plan: plan.share,
      pace: paceOf(done, target, plan, campaign.settings.pace),
    };
  });
}

/** A unit between the scope and its communes (a district, a cluster) summed for the scope page. */
export interface ChildSummary {
  readonly unit: UnitRow;
  readonly communes: number;
  readonly missing: number;
  readonly figures: Figures;
  readonly targets: { readonly books: number; readonly cases: number };
  readonly marks: readonly StepMark[];
}

/** What a scope's page shows for a date. */
export interface ScopePage {
  readonly progress: ScopeProgress;
  readonly marks: readonly StepMark[];
  /** Per commune (by unit id), its steps against the plan. */
  readonly communeMarks: ReadonlyMap<number, readonly StepMark[]>;
  /** The scope's direct children that are not communes; empty when the scope holds communes only. */
  readonly children: readonly ChildSummary[];
  /** Which child (by id) each commune lies under, for the "in" column. */
  readonly childOf: ReadonlyMap<number, number>;
}

const targetsOf = (s: RankedStanding) => ({ books: s.target?.books ?? 0, cases: s.target?.cases ?? 0 });

function sumOf(list: readonly RankedStanding[]): {
  figures: Figures;
  targets: { books: number; cases: number };
} {
  const figures = { books: 0, scanned: 0, entered: 0, attached: 0 };
  const targets = { books: 0, cases: 0 };
  for (const s of list) {
    figures.books += s.figures.books;
    figures.scanned += s.figures.scanned;
    figures.entered += s.figures.entered;
    figures.attached += s.figures.attached;
    targets.books += s.target?.books ?? 0;
    targets.cases += s.target?.cases ?? 0;
  }
  return { figures, targets };
}

/**
 * A scope's page on a date: the ranking (the same service as /xephang and the evening report), every
 * step against its plan for the scope and for each commune, and its middle-level children summed.
 */
export async function getScopePage(
  db: Db,
  campaign: Campaign,
  tree: UnitTree,
  scope: UnitRow,
  date: string,
  now: Date,
): Promise<ScopePage> {
  const progress = await getScopeProgress(db, campaign, scope.id, date, now);
  const moment = momentOf(campaign, date, now);
  const totals = progress.totals;
  const marks = stepMarks(
    campaign,
    totals,
    { books: totals.targetBooks, cases: totals.targetCases },
    judgedDate(moment, true),
  );
  const communeMarks = new Map(
    progress.standings.map((s) => [
      s.unitId,
      stepMarks(campaign, s.figures, targetsOf(s), judgedDate(moment, s.timing !== 'missing')),
    ]),
  );
  const childOf = new Map<number, number>();
  const middle = (tree.children.get(scope.id) ?? []).filter((u) => u.level !== 'commune');
  for (const child of middle) {
    const stack = [child];
    while (stack.length > 0) {
      const u = stack.pop() as UnitRow;
      if (u.level === 'commune') childOf.set(u.id, child.id);
      stack.push(...(tree.children.get(u.id) ?? []));
    }
  }
  const children = middle.map((unit) => {
    const list = progress.standings.filter((s) => childOf.get(s.unitId) === unit.id);
    const { figures, targets } = sumOf(list);
    return {
      unit,
      communes: list.length,
      missing: list.filter((s) => s.timing === 'missing').length,
      figures,
      targets,
      marks: stepMarks(campaign, figures, targets, judgedDate(moment, true)),
    };
  });
  return { progress, marks, communeMarks, children, childOf };
}

/** What a commune's page shows. */
export interface CommunePage {
  readonly commune: UnitRow;
  /** The ranking of the commune's parent unit, on the date (the commune's place among its siblings). */
  readonly parentRanking: ScopeProgress | null;
  readonly standing: RankedStanding | null;
  readonly marks: readonly StepMark[];
  readonly days: readonly UnitDayRow[];
  readonly revisions: readonly UnitRevisionRow[];
  readonly samples: readonly UnitSampleRow[];
  readonly reminders: readonly UnitReminderRow[];
}

/** A commune's page on a date: its place in its parent, its days, revisions, samples and reminders. */
export async function getCommunePage(
  db: Db,
  campaign: Campaign,
  commune: UnitRow,
  date: string,
  now: Date,
): Promise<CommunePage> {
  const parentRanking =
    commune.parent_id === null ? null : await getScopeProgress(db, campaign, commune.parent_id, date, now);
  const standing = parentRanking?.standings.find((s) => s.unitId === commune.id) ?? null;
  const moment = momentOf(campaign, date, now);
  const marks = standing
    ? stepMarks(
        campaign,
        standing.figures,
        targetsOf(standing),
        judgedDate(moment, standing.timing !== 'missing'),
      )
    : [];
  return {
    commune,
    parentRanking,
    standing,
    marks,
    days: await listUnitDays(db, commune.id, addDays(date, -(COMMUNE_PAGE_DAYS - 1)), date),
    revisions: await listUnitRevisions(db, commune.id, COMMUNE_PAGE_ROWS),
    samples: await listUnitSamples(db, commune.id, COMMUNE_PAGE_ROWS),
    reminders: await listUnitReminders(db, commune.id, REMINDER_JOBS, COMMUNE_PAGE_ROWS),
  };
}

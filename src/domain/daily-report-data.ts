import type { MetricCode } from './campaign-file.js';
import type { StepForecast } from './forecast.js';
import type { PlanCurve } from './plan.js';
import type { PaceStatus, ReportTiming } from './progress.js';
import type { LevelDefinition, UnitLevel } from './unit.js';

/** One unit's cumulative figures for the report date, already ranked and tagged by the caller. */
export interface UnitProgressRow {
  unitCode: string;
  unitName: string; // e.g. '19186', 'Phường 1'
  parentName: string | null; // the parent's name when the view spans several parents (a district in a province view)
  level: UnitLevel;
  targetBooks: number;
  targetCases: number; // 0 = no target (listed apart)
  books: number;
  scanned: number;
  entered: number;
  attached: number; // cumulative
  attachedChange: number; // since previous day
  completion: number | null; // attached / targetCases, null when no target
  rank: number | null; // 1 = best, null when no target
  pace: PaceStatus; // the completion step's, from the domain's one pace rule
  plan: number | null; // the plan's share of the target the pace was judged against; null without target
  timing: ReportTiming; // today's reporting, shown beside the pace, never instead of it
  lastReportAt: Date | null;
  forecasts: Partial<Record<MetricCode, StepForecast>>; // per step with a deadline, at the recent pace
}

/** The scope's cumulative counts at the end of one local day. */
export interface DailySeriesPoint {
  date: string; // YYYY-MM-DD
  scanned: number;
  entered: number;
  attached: number;
}

/** A campaign deadline and the pace still needed to meet it. */
export interface MilestoneInfo {
  code: string;
  title: string;
  metric: MetricCode; // books are counted in sổ, the other steps in hồ sơ
  deadline: string; // YYYY-MM-DD
  state: 'done' | 'open' | 'overdue'; // overdue: deadline reached (after its cut-off) and not done
  daysLeft: number; // reporting days left (plan.ts reportingDaysLeft), 0 once passed
  daysOverdue: number; // calendar days since the deadline, 0 until then
  target: number;
  remaining: number;
  neededPerDay: number | null; // ceil(remaining / daysLeft); null when no day is left
}

/** Everything one scope's evening report shows; computed by the services, rendered by src/reports and src/messages. */
export interface DailyReportData {
  campaignName: string;
  scopeName: string;
  scopeLevel: UnitLevel;
  /** The campaign's levels, province first: how sheets, tables and titles name each level. */
  levels: readonly LevelDefinition[];
  /** The level of `groups` (the units between the scope and its communes), null when there are none. */
  groupLevel: LevelDefinition | null;
  date: string; // YYYY-MM-DD local
  dataAsOf: Date;
  timeZone: string; // Asia/Ho_Chi_Minh
  startDate: string;
  endDate: string;
  /** The plan the pace is judged by: its curve and the completion step's deadline (the plan line). */
  plan: { curve: PlanCurve; deadline: string };
  /** Whether the report date's cut-off had passed when the data was taken. */
  afterCutoff: boolean;
  totals: {
    targetBooks: number;
    targetCases: number;
    books: number;
    scanned: number;
    entered: number;
    attached: number;
    attachedChange: number;
    completion: number;
  };
  reportedOnTime: number;
  reportedLate: number;
  missing: number;
  unitCount: number;
  missingNames: string[];
  /** The scope itself as one row (see `groupRow`): the PDF's total line and the export's province row. */
  scopeTotal: UnitProgressRow;
  communes: UnitProgressRow[]; // already ranked and status-tagged by the caller
  /** The scope's child units when they are not the communes (a province's districts or clusters), each the sum of its communes. */
  groups: UnitProgressRow[];
  series: DailySeriesPoint[]; // scope cumulative per day, start..date
  milestones: MilestoneInfo[];
}

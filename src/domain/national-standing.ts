import type { Campaign } from './campaign.js';
import type { PaceStatus } from './pace.js';
import type { Figures } from './progress.js';

/** One campaign's province, as a national leader sees it beside the others. */
export interface ProvinceStanding {
  readonly campaign: Campaign;
  readonly provinceName: string;
  /** The campaign's own local date the figures are for (its last day once it has ended). */
  readonly date: string;
  /** Whether `date` is today there (else the campaign has ended, or not begun). */
  readonly today: boolean;
  readonly totals: Figures & { readonly targetCases: number; readonly attachedChange: number };
  /** Cases attached & reviewed as a share of the target; null without targets. */
  readonly completion: number | null;
  /** The share of the target the plan expects by then; null without targets. */
  readonly plan: number | null;
  readonly pace: PaceStatus;
  /** Communes that reported on that date, of all the province's communes. */
  readonly reported: number;
  readonly communes: number;
  /** 1 = furthest along; null without targets. */
  readonly rank: number | null;
}

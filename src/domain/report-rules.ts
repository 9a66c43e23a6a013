import { METRIC_CODES, type MetricCode } from './campaign-file.js';

/** What `checkReport` needs: the figures sent, the unit's last accepted figures, and its targets. */
export interface ReportCheckInput {
  figures: Partial<Record<MetricCode, number>>;
  /** The unit's last accepted figures (an earlier day, or earlier today); null before its first report. */
  previous: Record<MetricCode, number> | null;
  /** The commune's inventory: books and civil-status cases; null when the campaign has none for it. */
  target: { books: number; cases: number } | null;
}

/** Where a final figure came from: sent now, kept from the previous report, or 0 for want of one. */
export type FigureSource = 'reported' | 'carried' | 'zero';

/** A broken rule (an error) or a figure to confirm (a warning), as data; see `describeRuleProblem`. */
export type RuleProblem =
  | {
      code: 'exceeds_earlier_step';
      metric: MetricCode;
      value: number;
      limitMetric: MetricCode;
      limit: number;
      limitSource: FigureSource;
    }
  | { code: 'above_target'; metric: MetricCode; value: number; target: 'books' | 'cases'; limit: number }
  | { code: 'decreased'; metric: MetricCode; value: number; previous: number };

/** The verdict on a report: the figures to store, which were filled in, and what is wrong or doubtful. */
export interface ReportCheck {
  /** ok: store it; needs_confirmation: store it once the sender confirms the warnings; rejected: errors. */
  status: 'ok' | 'needs_confirmation' | 'rejected';
  final: Record<MetricCode, number>;
  /** Metrics not sent that keep the previous report's value. */
  carried: MetricCode[];
  /** Metrics not sent, with no previous report to keep: counted as 0. */
  zeroed: MetricCode[];
  errors: RuleProblem[];
  warnings: RuleProblem[];
}

/**
 * Each case goes through the steps in order: a scan can only be attached to a case that has been both
 * scanned and entered. Entering and scanning are independent of each other.
 */
export const PIPELINE_LIMITS: ReadonlyArray<readonly [MetricCode, MetricCode]> = [
  ['attached', 'entered'],
  ['attached', 'scanned'],
];

/** Applies the reporting rules to parsed figures: fills the gaps, then checks order, targets and decreases. */
export function checkReport(input: ReportCheckInput): ReportCheck {
  const { figures, previous, target } = input;
  const final = {} as Record<MetricCode, number>;
  const source = {} as Record<MetricCode, FigureSource>;
  for (const metric of METRIC_CODES) {
    const sent = figures[metric];
    final[metric] = sent ?? previous?.[metric] ?? 0;
    source[metric] = sent !== undefined ? 'reported' : previous ? 'carried' : 'zero';
  }

  // Checked on the final figures: a new 'attached' must fit under an 'entered' carried from before.
  const errors: RuleProblem[] = PIPELINE_LIMITS.filter(
    ([metric, limitMetric]) => final[metric] > final[limitMetric],
  ).map(([metric, limitMetric]) => ({
    code: 'exceeds_earlier_step',
    metric,
    value: final[metric],
    limitMetric,
    limit: final[limitMetric],
    limitSource: source[limitMetric],
  }));

  // Warnings only for what was sent now: a carried figure was already accepted (or confirmed) before.
  const warnings: RuleProblem[] = [];
  for (const metric of METRIC_CODES) {
    const value = figures[metric];
    if (value === undefined) continue;
    if (target) {
      const kind = metric === 'books' ? 'books' : 'cases';
      // Targets are inventories estimated before the work: exceeding one is possible, so it is a question.
      if (value > target[kind])
        warnings.push({ code: 'above_target', metric, value, target: kind, limit: target[kind] });
    }
    if (previous && value < previous[metric]) {
      warnings.push({ code: 'decreased', metric, value, previous: previous[metric] });
    }
  }

  const status = errors.length > 0 ? 'rejected' : warnings.length > 0 ? 'needs_confirmation' : 'ok';
  const filled = (kind: FigureSource): MetricCode[] => METRIC_CODES.filter((m) => source[m] === kind);
  return { status, final, carried: filled('carried'), zeroed: filled('zero'), errors, warnings };
}

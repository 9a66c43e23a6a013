import type { RuleProblem } from './report-rules.js';

/**
 * A report revision's warning as stored in `report_revisions.warnings`: the rule problem's code and
 * figures (e.g. `{code: 'decreased', metric, value, previous}`), worded only where it is shown. Rows
 * written before codes were stored hold the Vietnamese sentence itself, shown as it is.
 */
export type StoredReportWarning = RuleProblem | string;

import type { MetricCode } from './campaign-file.js';
import { addDays, daysBetween } from './local-time.js';

/**
 * When each step of a new campaign is due, as a share of its days: the books are gathered and sorted in
 * the first quarter (scanning cannot start on books not yet found), scanning runs until 60 %, entering
 * until 85 %, and attaching & reviewing ends on the last day. Scanning and entering overlap in practice;
 * staggered deadlines keep each step's pace visible instead of four lines all due on the last day.
 */
export const STEP_SHARES: Readonly<Record<MetricCode, number>> = {
  books: 0.25,
  scanned: 0.6,
  entered: 0.85,
  attached: 1,
};

/**
 * The deadline of each step between `start` and `end` (YYYY-MM-DD, inclusive): the day at its share of
 * the campaign, never before the previous step's, and the last step on `end`.
 */
export function spreadDeadlines(start: string, end: string): Record<MetricCode, string> {
  const span = Math.max(0, daysBetween(start, end));
  const at = (share: number) => addDays(start, Math.round(share * span));
  return {
    books: at(STEP_SHARES.books),
    scanned: at(STEP_SHARES.scanned),
    entered: at(STEP_SHARES.entered),
    attached: end,
  };
}

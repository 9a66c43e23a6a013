import { addDays } from './local-time.js';
import { ZERO_FIGURES, sumFigures, type Figures } from './progress.js';

/** A scope's cumulative figures at the end of one day. */
export interface SeriesPoint extends Figures {
  readonly date: string;
}

/**
 * Day-by-day cumulative totals from `from` to `to`: each unit counts with its latest report on or before
 * the day (a day without a report keeps the unit's last figures), units before their first report count 0.
 * Reports before `from` only set the starting point.
 */
export function cumulativeSeries(
  reports: readonly (Figures & {
    unit_id: number;
    report_date: string;
    /** The days the unit counts (null = open): a unit retired by a reorganisation stops counting. */
    unit_valid_from?: string | null;
    unit_valid_to?: string | null;
  })[],
  from: string,
  to: string,
): SeriesPoint[] {
  const validity = new Map(reports.map((r) => [r.unit_id, [r.unit_valid_from, r.unit_valid_to]] as const));
  const counts = (unitId: number, date: string) => {
    const [first, last] = validity.get(unitId) ?? [];
    return (!first || first <= date) && (!last || last >= date);
  };
  const latest = new Map<number, Figures>();
  const byDate = new Map<string, (Figures & { unit_id: number })[]>();
  // Reports before the first day (e.g. books collected before the campaign opened) are its starting point.
  const sorted = [...reports].sort((a, b) => a.report_date.localeCompare(b.report_date));
  for (const r of sorted) {
    if (r.report_date < from) latest.set(r.unit_id, r);
    else byDate.set(r.report_date, [...(byDate.get(r.report_date) ?? []), r]);
  }
  const points: SeriesPoint[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    for (const r of byDate.get(date) ?? []) latest.set(r.unit_id, r);
    const counted = [...latest].filter(([unitId]) => counts(unitId, date)).map(([, figures]) => figures);
    points.push({ date, ...(counted.length === 0 ? ZERO_FIGURES : sumFigures(counted)) });
  }
  return points;
}

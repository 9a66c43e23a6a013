import type { Campaign } from '../domain/campaign.js';
import { addDays, localDate } from '../domain/local-time.js';
import type { Figures } from '../domain/progress.js';
import type { Role } from '../domain/role.js';
import type { Db } from '../db/database.js';
import { listAcceptedRevisionsBetween, listUnitReportsBetween } from '../db/report-history.repository.js';
import type { UnitRow } from '../db/unit.table.js';

/** How many days /lichsu shows, today included. */
export const HISTORY_DAYS = 7;

/** One version of a day's report: when it counted, who sent it, what it said. */
export interface HistoryRevision {
  readonly at: Date;
  readonly by: string | null;
  readonly role: Role | null;
  readonly figures: Figures;
  /** Carried over from retired units by a reorganisation, not sent by anyone. */
  readonly carriedOver: boolean;
}

/** One day of a commune's history: its current figures (null: no report), and every accepted version. */
export interface HistoryDay {
  readonly date: string;
  readonly figures: Figures | null;
  readonly late: boolean;
  /** The first is the report as sent; any after it are corrections. */
  readonly revisions: readonly HistoryRevision[];
}

/** A commune's last days, newest first. */
export interface ReportHistory {
  readonly unitName: string;
  readonly days: readonly HistoryDay[];
}

const figuresOf = (row: Figures): Figures => ({
  books: row.books,
  scanned: row.scanned,
  entered: row.entered,
  attached: row.attached,
});

/**
 * A commune's figures for its last `HISTORY_DAYS` campaign days (never before the campaign's start,
 * never past its end), with the corrections of each day: who sent each accepted version, and when.
 */
export async function getReportHistory(
  db: Db,
  campaign: Campaign,
  unit: UnitRow,
  now: Date,
): Promise<ReportHistory> {
  const { settings } = campaign;
  const today = localDate(now, settings.timeZone);
  const to = today < settings.endDate ? today : settings.endDate;
  const earliest = addDays(to, -(HISTORY_DAYS - 1));
  const from = earliest > settings.startDate ? earliest : settings.startDate;
  if (to < from) return { unitName: unit.name, days: [] };
  const reports = await listUnitReportsBetween(db, unit.id, from, to);
  const revisions = await listAcceptedRevisionsBetween(db, unit.id, from, to);
  const days: HistoryDay[] = [];
  for (let date = to; date >= from; date = addDays(date, -1)) {
    const report = reports.find((r) => r.report_date === date);
    days.push({
      date,
      figures: report ? figuresOf(report) : null,
      late: report?.late ?? false,
      revisions: revisions
        .filter((r) => r.report_date === date)
        .map((r) => ({
          // A held report counts from the moment it was confirmed.
          at: r.decided_at ?? r.submitted_at,
          by: r.display_name,
          role: r.role,
          figures: figuresOf(r),
          carriedOver: r.origin === 'carry-over',
        })),
    });
  }
  return { unitName: unit.name, days };
}

import type { Campaign } from '../domain/campaign.js';
import type { Db } from '../db/database.js';
import type { ExportSheet } from '../reports/export-sheet.js';
import { buildExportSheets } from '../services/export.service.js';
import { countReminders, remindersDelivered, type ReminderKind } from './reminder-kinds.js';

/** One campaign day as the service recorded it. */
export interface DayStats {
  readonly day: number;
  readonly date: string;
  readonly onTime: number;
  readonly late: number;
  readonly missing: number;
  readonly reminders: Readonly<Record<ReminderKind, number>>;
  /** Files the communes sent and the bot judged, that day. */
  readonly files: number;
  readonly rejectedFiles: number;
  /** Cases attached & reviewed as a share of the province's target, at the end of the day. */
  readonly provinceCompletion: number;
  readonly sheets: readonly ExportSheet[];
}

/** The day's figures, read through the export service (the table a coordinator would export). */
export async function dayStats(
  db: Db,
  campaign: Campaign,
  day: { day: number; date: string; now: Date },
  files: { checked: number; rejected: number },
  /** The communes the demo plays; the others never report and are not counted. */
  played: ReadonlySet<string>,
): Promise<DayStats> {
  const sheets = await buildExportSheets(db, campaign, day.date, day.now);
  const communes = (sheets.find((s) => s.level === 'commune')?.rows ?? []).filter((r) =>
    played.has(r.unitCode),
  );
  const province = sheets.find((s) => s.level === 'province')?.rows[0];
  const count = (timing: string) => communes.filter((r) => r.timing === timing).length;
  return {
    day: day.day,
    date: day.date,
    onTime: count('on_time'),
    late: count('late'),
    missing: count('missing'),
    reminders: countReminders(
      await remindersDelivered(db, campaign, { fromDate: day.date, toDate: day.date }),
    ),
    files: files.checked,
    rejectedFiles: files.rejected,
    provinceCompletion: province?.completion ?? 0,
    sheets,
  };
}

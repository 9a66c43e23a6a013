import type { Db } from '../../src/db/database.js';
import { insertRevision, upsertDailyReport } from '../../src/db/report.repository.js';
import { listUnitsWithTargets } from '../../src/db/unit.repository.js';

/** A report's figures: books, scanned, entered, attached. */
export interface SeedFigures {
  readonly books: number;
  readonly scanned: number;
  readonly entered: number;
  readonly attached: number;
}

/** Stores one accepted report of a unit for a day, submitted at `at` (no member, not from the chat). */
export async function storeAcceptedReport(
  db: Db,
  unitId: number,
  date: string,
  at: Date,
  figures: SeedFigures,
  late = false,
): Promise<void> {
  const revision = await insertRevision(db, {
    unit_id: unitId,
    report_date: date,
    member_id: null,
    source_inbox_id: null,
    status: 'accepted',
    late,
    warnings: [],
    submitted_at: at,
    ...figures,
  });
  await upsertDailyReport(db, revision, at);
}

/**
 * Stores accepted reports straight through the repositories (the chat path has its own tests): for each
 * commune i and each day d, figures growing with d; every `skipEvery`-th commune stays silent on the last day.
 */
export async function seedReports(
  db: Db,
  campaignId: number,
  days: readonly string[],
  options: { skipEvery?: number; lateEvery?: number } = {},
): Promise<number> {
  const communes = (await listUnitsWithTargets(db, campaignId)).filter((u) => u.level === 'commune');
  let stored = 0;
  for (const [d, date] of days.entries()) {
    for (const [i, unit] of communes.entries()) {
      const lastDay = d === days.length - 1;
      if (lastDay && options.skipEvery && i % options.skipEvery === 0) continue;
      const cases = unit.target_cases ?? 1000;
      const share = Math.min(1, ((d + 1) * ((i % 7) + 1)) / 40);
      const attached = Math.floor(cases * share * 0.8);
      await storeAcceptedReport(
        db,
        unit.id,
        date,
        new Date(`${date}T09:00:00+07:00`),
        {
          books: Math.min(unit.target_books ?? 0, d + 1),
          scanned: Math.floor(cases * share),
          entered: Math.floor(cases * share * 0.9),
          attached,
        },
        Boolean(options.lateEvery && i % options.lateEvery === 1),
      );
      stored++;
    }
  }
  return stored;
}

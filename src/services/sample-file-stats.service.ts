import type { SampleStats } from '../domain/sample-file-stats.js';
import type { Db } from '../db/database.js';
import { countSamplesByUnit } from '../db/sample-file.repository.js';

const NONE: SampleStats = Object.freeze({ checked: 0, accepted: 0, rejected: 0 });

/** Sample statistics of each unit asked for (zeros for a unit without samples), in one SQL statement. */
export async function sampleStatsForUnits(
  db: Db,
  unitIds: readonly number[],
): Promise<Map<number, SampleStats>> {
  const stats = new Map<number, SampleStats>(unitIds.map((id) => [id, NONE]));
  for (const row of await countSamplesByUnit(db, unitIds)) {
    stats.set(row.unit_id, { checked: row.checked, accepted: row.passed, rejected: row.rejected });
  }
  return stats;
}

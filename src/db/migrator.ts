import { Migrator, type MigrationResultSet } from 'kysely';
import { migrations } from '../../migrations/index.js';
import type { Db } from './database.js';

/** The migrator over the project's static migration list. */
export function createMigrator(db: Db): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
}

function unwrap(result: MigrationResultSet): string[] {
  if (result.error) throw result.error;
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Runs every pending migration; returns the names applied. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  return unwrap(await createMigrator(db).migrateToLatest());
}

/** Reverts every migration (tests and operators rolling back); returns the names reverted. */
export async function migrateToEmpty(db: Db): Promise<string[]> {
  const migrator = createMigrator(db);
  const reverted: string[] = [];
  for (;;) {
    const names = unwrap(await migrator.migrateDown());
    if (names.length === 0) return reverted;
    reverted.push(...names);
  }
}

import { createMigrator } from '../db/migrator.js';
import type { CliIo } from './cli-io.js';
import { withRuntime } from './cli-runtime.js';
import { cliMessages } from '../messages/cli-messages.js';

/** `sohoa migrate`: applies pending migrations (start does it too) and says what ran. */
export async function migrateCommand(_args: string[], io: CliIo, env: NodeJS.ProcessEnv): Promise<number> {
  // withRuntime migrates on open; this lists the state that left.
  await withRuntime(env, async ({ db }) => {
    const migrations = await createMigrator(db).getMigrations();
    const done = migrations.filter((m) => m.executedAt !== undefined);
    io.out(cliMessages.migrated(done.length, migrations.length));
    for (const m of done) io.out(`  ✓ ${m.name} (${m.executedAt?.toISOString() ?? ''})\n`);
  });
  return 0;
}

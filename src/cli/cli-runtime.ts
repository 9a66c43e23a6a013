import { parseEnvConfig, type EnvConfig } from '../config/env-config.js';
import { createLogger, type Logger } from '../config/logger.js';
import { startingClock, systemClock, type Clock } from '../domain/clock.js';
import { databaseTarget, openDatabase, type Db } from '../db/database.js';
import { migrateToLatest } from '../db/migrator.js';

/** What a database-backed command gets: config, clock, logger and a migrated database. */
export interface CliRuntime {
  readonly config: EnvConfig;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly db: Db;
}

/** The process clock: SOHOA_NOW when set, else real time. */
export function clockFromConfig(config: EnvConfig): Clock {
  return config.SOHOA_NOW ? startingClock(config.SOHOA_NOW) : systemClock;
}

/** Opens and migrates the configured database, runs `fn`, and always closes the database. */
export async function withRuntime<T>(
  env: NodeJS.ProcessEnv,
  fn: (runtime: CliRuntime) => Promise<T>,
  configured?: EnvConfig,
): Promise<T> {
  const config = configured ?? parseEnvConfig(env);
  const logger = createLogger(config.LOG_LEVEL);
  const handle = await openDatabase(databaseTarget(config));
  try {
    const applied = await migrateToLatest(handle.db);
    if (applied.length > 0) logger.info({ applied }, 'migrations applied');
    return await fn({ config, clock: clockFromConfig(config), logger, db: handle.db });
  } finally {
    await handle.close();
  }
}

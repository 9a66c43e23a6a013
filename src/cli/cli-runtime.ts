import { parseEnvConfig, type EnvConfig } from '../config/env-config.js';
import { createLogger, type Logger } from '../config/logger.js';
import { rehearsalStart, startingClock, systemClock, type Clock } from '../domain/clock.js';
import { latestRecordedInstant } from '../db/clock.repository.js';
import { databaseTarget, openDatabase, type Db } from '../db/database.js';
import { migrateToLatest } from '../db/migrator.js';

/** What a database-backed command gets: config, clock, logger and a migrated database. */
export interface CliRuntime {
  readonly config: EnvConfig;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly db: Db;
}

/** How a command opens its runtime. */
export interface RuntimeOptions {
  /** Keep the embedded folder's lock until the process exits (`sohoa start`), not just until close. */
  readonly holdLockUntilExit?: boolean;
}

/**
 * The process clock: real time, or with SOHOA_NOW a rehearsal clock that starts there — or, after a
 * restart, at the latest instant the database has recorded, so the rehearsal's time never runs backwards.
 */
export async function clockFromConfig(
  config: EnvConfig,
  db: Db,
  /** Real time's source (tests freeze it). */
  realNow: () => number = Date.now,
): Promise<Clock> {
  if (!config.SOHOA_NOW) return systemClock;
  return startingClock(rehearsalStart(config.SOHOA_NOW, await latestRecordedInstant(db)), realNow);
}

/** Opens and migrates the configured database, runs `fn`, and always closes the database. */
export async function withRuntime<T>(
  env: NodeJS.ProcessEnv,
  fn: (runtime: CliRuntime) => Promise<T>,
  configured?: EnvConfig,
  options: RuntimeOptions = {},
): Promise<T> {
  const config = configured ?? parseEnvConfig(env);
  const logger = createLogger(config.LOG_LEVEL);
  const handle = await openDatabase(databaseTarget(config), {
    holdLockUntilExit: options.holdLockUntilExit ?? false,
  });
  try {
    const applied = await migrateToLatest(handle.db);
    if (applied.length > 0) logger.info({ applied }, 'migrations applied');
    const clock = await clockFromConfig(config, handle.db);
    return await fn({ config, clock, logger, db: handle.db });
  } finally {
    await handle.close();
  }
}

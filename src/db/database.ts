import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockDataDir, type DataDirLock } from './data-dir-lock.js';
import type { DatabaseSchema } from './database-schema.js';

/** The one Kysely type every repository takes. */
export type Db = Kysely<DatabaseSchema>;

/** Where the data lives: a PostgreSQL server, or embedded PGlite in a folder (or in memory). */
export type DatabaseTarget =
  { kind: 'server'; url: string } | { kind: 'embedded'; dataDir: string | 'memory' };

/** An open database and how to close everything behind it. */
export interface DatabaseHandle {
  readonly db: Db;
  readonly target: DatabaseTarget;
  close(): Promise<void>;
}

const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

// Dates stay 'YYYY-MM-DD' strings: a campaign date is a local calendar day, and pg's default turns it into
// a Date at the server's midnight. Counts and bigserial ids stay far below 2^53, so int8 becomes number.
const typeParsers: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === DATE_OID) return (value: string) => value;
    if (oid === INT8_OID || oid === NUMERIC_OID) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  }) as pg.CustomTypesConfig['getTypeParser'],
};

/** Chooses the target from configuration: DATABASE_URL wins, else the embedded folder. */
export function databaseTarget(config: {
  DATABASE_URL?: string | undefined;
  DATA_DIR: string;
}): DatabaseTarget {
  return config.DATABASE_URL
    ? { kind: 'server', url: config.DATABASE_URL }
    : { kind: 'embedded', dataDir: config.DATA_DIR };
}

/**
 * Opens the database. One code path for both targets: Kysely's PostgresDialect over a pg.Pool, which
 * for PGlite speaks the wire protocol to the embedded engine through createPgConfig.
 */
export async function openDatabase(
  target: DatabaseTarget,
  /** In memory only: start from this PGlite data-folder dump instead of an empty cluster (tests). */
  options: { template?: Blob; holdLockUntilExit?: boolean } = {},
): Promise<DatabaseHandle> {
  if (target.kind === 'server') {
    const pool = new pg.Pool({ connectionString: target.url, max: 10, types: typeParsers });
    // An idle connection the server drops (a restart, an administrator) emits 'error' on the pool; with
    // no listener Node would end the process. The pool discards that client; the next query reconnects.
    pool.on('error', () => undefined);
    const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }) });
    return { db, target, close: () => db.destroy() };
  }

  let lock: DataDirLock | undefined;
  if (target.dataDir !== 'memory') {
    lock = lockDataDir(target.dataDir, { holdUntilExit: options.holdLockUntilExit ?? false });
  }
  try {
    const pglite =
      target.dataDir === 'memory'
        ? await PGlite.create(options.template ? { loadDataDir: options.template } : {})
        : await PGlite.create(target.dataDir);
    // PGlite is single-connection: a pool of one, never closed for idleness (reconnecting is not free).
    const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1, idleTimeoutMillis: 0, types: typeParsers });
    const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      target,
      close: async () => {
        try {
          await db.destroy();
          await pglite.close();
        } finally {
          lock?.release();
        }
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

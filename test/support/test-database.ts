import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import { openDatabase, type DatabaseHandle, type DatabaseTarget, type Db } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrator.js';
import { migratedPgliteTemplate, migrationsKey } from './pglite-template.js';

/** The server tests also run against, when set (CI sets it; see README). */
export const serverUrl = process.env.TEST_DATABASE_URL;

/** A database a test file shares: migrated once, emptied before each test. */
export interface TestDatabase {
  readonly name: 'pglite' | 'postgres';
  readonly db: Db;
  readonly target: DatabaseTarget;
}

/** Creates a fresh, uniquely named database on the test server; returns its URL and a dropper. */
export async function createServerDatabase(
  baseUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `sohoa_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      // A pool's end() resolves before the server has seen every connection go: wait for them (bounded),
      // so that forcing the drop never kills a connection still saying goodbye (57P01 in the test).
      for (let attempt = 0; attempt < 100; attempt++) {
        const { rows } = await client.query<{ n: string }>(
          'select count(*) as n from pg_stat_activity where datname = $1',
          [name],
        );
        if (Number(rows[0]?.n ?? 0) === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/**
 * Empties every application table and restarts their id sequences (keeps the migration bookkeeping),
 * as `truncate … restart identity cascade` would. TRUNCATE makes new files for every table and index it
 * names — with the cascade, all of them — which costs about a second on a busy machine, before every
 * test; deleting the rows of the few tables a test wrote to costs tens of milliseconds.
 */
export async function truncateAll(db: Db): Promise<void> {
  const { rows: tables } = await sql<{ tablename: string }>`
    select tablename from pg_tables where schemaname = 'public' and tablename not like 'kysely_%'`.execute(
    db,
  );
  if (tables.length === 0) return;
  const probe = tables
    .map((t) => `select '${t.tablename}' as name where exists (select 1 from "${t.tablename}")`)
    .join(' union all ');
  const { rows: filled } = await sql.raw<{ name: string }>(probe).execute(db);
  // A sequence a test drew from, even when its rows are gone again (pg_sequences shows null until used).
  const { rows: used } = await sql<{ name: string; start: number }>`
    select format('%I.%I', schemaname, sequencename) as name, start_value as start from pg_sequences
    where schemaname = 'public' and sequencename not like 'kysely_%' and last_value is not null`.execute(db);
  if (filled.length === 0 && used.length === 0) return;
  await db.transaction().execute(async (trx) => {
    // Foreign keys are enforced by triggers, which replica mode skips: every table holding a row is
    // emptied here, so the order of the deletes does not matter and nothing is left dangling.
    await sql`set local session_replication_role = replica`.execute(trx);
    for (const { name } of filled) await sql.raw(`delete from "${name}"`).execute(trx);
    for (const { name, start } of used)
      await sql`select setval(${name}::regclass, ${start}, false)`.execute(trx);
  });
}

/**
 * Claims a migrated database on the test server, for one test file's describe. Dropping a database
 * makes the server checkpoint (seconds on a busy machine) and migrating a new one costs a second or
 * more: so the databases are kept on the server and reused, `sohoa_pool_<migrations>_<slot>`, each
 * held by one process at a time through a session advisory lock (released if the process dies). A claimed
 * database is brought to the latest migration and emptied, so it starts as a new one would.
 */
async function claimServerDatabase(baseUrl: string): Promise<{ url: string; release: () => Promise<void> }> {
  const key = await migrationsKey();
  // The advisory lock's first key names the migration set, the second the slot.
  const lockClass = Number.parseInt(key.slice(0, 7), 16);
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    for (let slot = 0; ; slot++) {
      const { rows } = await admin.query<{ ok: boolean }>('select pg_try_advisory_lock($1, $2) as ok', [
        lockClass,
        slot,
      ]);
      if (!rows[0]?.ok) continue;
      const name = `sohoa_pool_${key}_${slot}`;
      const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name]);
      if (rowCount) {
        // Whatever the last holder left connected (a child process it did not stop) goes, as a drop
        // with (force) would have made it.
        await admin.query(
          'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
          [name],
        );
      } else {
        await admin.query(`create database ${name}`);
      }
      const url = new URL(baseUrl);
      url.pathname = `/${name}`;
      return {
        url: url.toString(),
        release: async () => {
          await admin.query('select pg_advisory_unlock($1, $2)', [lockClass, slot]);
          await admin.end();
        },
      };
    }
  } catch (error) {
    await admin.end();
    throw error;
  }
}

async function openPglite(): Promise<DatabaseHandle> {
  // From a migrated template: PGlite's own start-up (initdb) would cost seconds per test file.
  const handle = await openDatabase(
    { kind: 'embedded', dataDir: 'memory' },
    { template: await migratedPgliteTemplate() },
  );
  await migrateToLatest(handle.db);
  return handle;
}

/**
 * The PGlite of this worker process. Opening one still costs a second or two, so the test files a worker
 * runs one after another (vitest.config.ts: isolate false) share it, as the tests of a file share it:
 * emptied when taken, one holder at a time. Nothing else survives a test file: the holder's tables and
 * sequences are reset, and no test changes the schema or a session setting on it (a test that changes
 * the schema asks for a fresh database).
 */
let sharedPglite: { opened: Promise<DatabaseHandle>; held: boolean } | undefined;

/**
 * Opens a migrated test database of the given kind, with empty tables; the caller disposes of it. A
 * shared one (see sharedPglite, claimServerDatabase), unless `fresh` asks for a new database of its own.
 */
export async function openTestDatabase(
  kind: 'pglite' | 'postgres',
  options: { fresh?: boolean } = {},
): Promise<{ handle: DatabaseHandle; dispose: () => Promise<void> }> {
  if (kind === 'pglite') {
    if (options.fresh || sharedPglite?.held) {
      const handle = await openPglite();
      return { handle, dispose: () => handle.close() };
    }
    const shared = (sharedPglite ??= { opened: openPglite(), held: false });
    shared.held = true;
    try {
      const handle = await shared.opened;
      await truncateAll(handle.db);
      return {
        handle,
        dispose: () => {
          shared.held = false;
          return Promise.resolve();
        },
      };
    } catch (error) {
      // A PGlite that failed to open or to empty is not handed out again.
      if (sharedPglite === shared) sharedPglite = undefined;
      throw error;
    }
  }
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set');
  if (options.fresh) {
    const created = await createServerDatabase(serverUrl);
    const handle = await openDatabase({ kind: 'server', url: created.url });
    await migrateToLatest(handle.db);
    return {
      handle,
      dispose: async () => {
        await handle.close();
        await created.drop();
      },
    };
  }
  const claimed = await claimServerDatabase(serverUrl);
  try {
    const handle = await openDatabase({ kind: 'server', url: claimed.url });
    try {
      await migrateToLatest(handle.db);
      // Whatever the last holder left, even from a run that was killed.
      await truncateAll(handle.db);
    } catch (error) {
      await handle.close();
      throw error;
    }
    return {
      handle,
      dispose: async () => {
        try {
          await handle.close();
        } finally {
          await claimed.release();
        }
      },
    };
  } catch (error) {
    await claimed.release();
    throw error;
  }
}

/** The database kinds this run covers: PGlite always, the server when TEST_DATABASE_URL is set. */
export const databaseKinds: ('pglite' | 'postgres')[] = serverUrl ? ['pglite', 'postgres'] : ['pglite'];

/**
 * Declares the suite once per database kind. Each holds a migrated database for the whole describe
 * (opening one costs seconds: see openTestDatabase) and starts every test from empty tables.
 */
export function describeEachDatabase(title: string, suite: (database: () => TestDatabase) => void): void {
  for (const kind of databaseKinds) {
    describe(`${title} [${kind}]`, () => {
      let opened: { handle: DatabaseHandle; dispose: () => Promise<void> } | undefined;
      beforeAll(async () => {
        opened = await openTestDatabase(kind);
      });
      afterAll(async () => {
        await opened?.dispose();
      });
      beforeEach(async () => {
        if (opened) await truncateAll(opened.handle.db);
      });
      suite(() => {
        if (!opened) throw new Error('test database not open');
        return { name: kind, db: opened.handle.db, target: opened.handle.target };
      });
    });
  }
}

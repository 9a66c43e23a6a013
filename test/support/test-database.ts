import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import { openDatabase, type DatabaseHandle, type DatabaseTarget, type Db } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrator.js';
import { migratedPgliteTemplate } from './pglite-template.js';

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

/** Empties every application table (keeps the migration bookkeeping). */
export async function truncateAll(db: Db): Promise<void> {
  const { rows } = await sql<{ tablename: string }>`
    select tablename from pg_tables where schemaname = 'public' and tablename not like 'kysely_%'`.execute(
    db,
  );
  if (rows.length === 0) return;
  const list = rows.map((r) => `"${r.tablename}"`).join(', ');
  await sql.raw(`truncate ${list} restart identity cascade`).execute(db);
}

/** Opens a migrated test database of the given kind; the caller closes it. */
export async function openTestDatabase(
  kind: 'pglite' | 'postgres',
): Promise<{ handle: DatabaseHandle; dispose: () => Promise<void> }> {
  if (kind === 'pglite') {
    // From a migrated template: PGlite's own start-up (initdb) would cost seconds per test file.
    const handle = await openDatabase(
      { kind: 'embedded', dataDir: 'memory' },
      { template: await migratedPgliteTemplate() },
    );
    await migrateToLatest(handle.db);
    return { handle, dispose: () => handle.close() };
  }
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set');
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

/** The database kinds this run covers: PGlite always, the server when TEST_DATABASE_URL is set. */
export const databaseKinds: ('pglite' | 'postgres')[] = serverUrl ? ['pglite', 'postgres'] : ['pglite'];

/**
 * Declares the suite once per database kind. Each gets its own migrated database for the whole file
 * (PGlite start-up costs seconds) and starts every test from empty tables.
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

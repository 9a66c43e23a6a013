import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrator.js';

const ROOT = join(import.meta.dirname, '..', '..');
const CACHE_DIR = join(ROOT, 'node_modules', '.cache', 'sohoa-test');

async function hashMigrations(hash: ReturnType<typeof createHash>): Promise<string> {
  const dir = join(ROOT, 'migrations');
  for (const name of (await readdir(dir)).sort()) hash.update(name).update(await readFile(join(dir, name)));
  return hash.digest('hex').slice(0, 16);
}

/** Identifies a migrated schema: the migration files, names and contents. */
export function migrationsKey(): Promise<string> {
  return hashMigrations(createHash('sha256'));
}

/** Identifies the template: the migrations and the PGlite version it was made with. */
async function templateKey(): Promise<string> {
  const hash = createHash('sha256');
  const pkg = JSON.parse(
    await readFile(join(ROOT, 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8'),
  ) as { version: string };
  hash.update(pkg.version);
  return hashMigrations(hash);
}

async function makeTemplate(file: string): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'sohoa-template-'));
  try {
    const handle = await openDatabase({ kind: 'embedded', dataDir });
    try {
      await migrateToLatest(handle.db);
    } finally {
      await handle.close();
    }
    const pglite = await PGlite.create(dataDir);
    try {
      const dump = await pglite.dumpDataDir('none');
      await mkdir(CACHE_DIR, { recursive: true });
      // Written aside and renamed: workers making it at the same time never read half a file.
      const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
      await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
      await rename(partial, file);
    } finally {
      await pglite.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

let template: Promise<Blob> | undefined;

/**
 * A dump of a migrated, empty PGlite cluster. PGlite's start-up is mostly initdb (seconds on a busy
 * 2-core machine, for every test file); loading this dump instead costs a fraction of it. Made once and
 * kept in node_modules/.cache, keyed by the migrations, so a changed migration makes a new one.
 */
export function migratedPgliteTemplate(): Promise<Blob> {
  template ??= (async () => {
    const file = join(CACHE_DIR, `pglite-${await templateKey()}.tar`);
    const bytes = await readFile(file).catch(async () => {
      await makeTemplate(file);
      return readFile(file);
    });
    return new Blob([bytes]);
  })();
  return template;
}

/**
 * A new data folder holding a migrated, empty cluster, as `sohoa migrate` leaves it — for tests that
 * run the service on a folder (in a child process or in-process), made from the template in about a
 * second instead of PGlite's initdb.
 */
export async function migratedDataDir(prefix = 'sohoa-test-'): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), prefix));
  const pglite = await PGlite.create(dataDir, { loadDataDir: await migratedPgliteTemplate() });
  await pglite.close();
  return dataDir;
}

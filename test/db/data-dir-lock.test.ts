import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError } from '../../src/domain/errors.js';
import { openDatabase } from '../../src/db/database.js';
import { lockDataDir } from '../../src/db/data-dir-lock.js';
import { migrateToLatest } from '../../src/db/migrator.js';
import { migratedDataDir } from '../support/pglite-template.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'sohoa.js');

describe('the embedded data folder belongs to one process', () => {
  it('refuses a second sohoa process with a clear message and leaves the folder intact', async () => {
    // Already migrated (from the test template): PGlite's initdb would cost seconds here.
    const dataDir = await migratedDataDir('sohoa-lock-');
    const handle = await openDatabase({ kind: 'embedded', dataDir });
    try {
      await migrateToLatest(handle.db);
      const before = readdirSync(dataDir).sort();
      const child = spawnSync(process.execPath, [BIN, 'migrate'], {
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(child.status).toBe(1);
      expect(child.stderr).toContain(
        `Thư mục dữ liệu ${dataDir} đang được một tiến trình sohoa khác sử dụng`,
      );
      expect(child.stderr).toContain('DATABASE_URL');
      expect(readdirSync(dataDir).sort()).toEqual(before);
      // The holder is unaffected and keeps working.
      const { rows } = await sql<{ n: number }>`select count(*) as n from campaigns`.execute(handle.db);
      expect(rows[0]?.n).toBe(0);
    } finally {
      await handle.close();
    }
    // Released on close: the folder opens again, with its data.
    const again = await openDatabase({ kind: 'embedded', dataDir });
    expect(await migrateToLatest(again.db)).toEqual([]);
    await again.close();
  });

  it('refuses a second open in the same process', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sohoa-lock-'));
    const lock = lockDataDir(dataDir);
    try {
      expect(() => lockDataDir(dataDir)).toThrow(DataDirLockedError);
    } finally {
      lock.release();
    }
  });

  it('takes over a lock left by a process that died', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sohoa-lock-'));
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    writeFileSync(
      join(dataDir, 'sohoa.lock'),
      JSON.stringify({ pid: Number(dead.stdout), host: hostname() }),
    );
    const lock = lockDataDir(dataDir);
    lock.release();
  });
});

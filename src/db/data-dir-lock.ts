import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { DataDirLockedError } from '../domain/errors.js';

const LOCK_FILE = 'sohoa.lock';

/** A held lock on an embedded data folder; release it after the database is closed. */
export interface DataDirLock {
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else — still alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): { pid: number; host: string } | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as { pid?: unknown; host?: unknown };
    return typeof parsed.pid === 'number' ? { pid: parsed.pid, host: String(parsed.host) } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the data folder for this process. PGlite has no lock of its own and two processes writing one
 * folder corrupt it, so a second sohoa process is refused; a lock left by a dead process is taken over.
 */
export function lockDataDir(
  dataDir: string,
  /**
   * Keep the lock until the process ends, whatever release() is called first (`sohoa start`): a process
   * that closed its database but has not exited yet must still refuse a second one on its folder.
   */
  options: { holdUntilExit?: boolean } = {},
): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  const content = JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, content);
      closeSync(fd);
      const release = () => {
        if (readHolder(path)?.pid === process.pid) rmSync(path, { force: true });
      };
      if (!options.holdUntilExit) return { release };
      // 'exit' handlers run synchronously as the process ends (not on SIGKILL: the next start takes over).
      process.once('exit', release);
      return { release: () => undefined };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(path);
      // A holder on another host cannot be checked, so it is trusted to be alive.
      if (holder && holder.pid !== process.pid && (holder.host !== hostname() || isAlive(holder.pid))) {
        throw new DataDirLockedError(
          `Thư mục dữ liệu ${dataDir} đang được một tiến trình sohoa khác sử dụng (PID ${holder.pid}). ` +
            'Dừng tiến trình đó trước, hoặc đặt DATABASE_URL để nhiều tiến trình dùng chung một máy chủ PostgreSQL.',
          dataDir,
          holder.pid,
        );
      }
      if (holder?.pid === process.pid) {
        throw new DataDirLockedError(
          `Thư mục dữ liệu ${dataDir} đã được mở trong chính tiến trình này.`,
          dataDir,
          process.pid,
        );
      }
      // Stale (dead holder or unreadable file): move it aside atomically, then retry the exclusive create.
      try {
        renameSync(path, `${path}.stale-${process.pid}`);
        rmSync(`${path}.stale-${process.pid}`, { force: true });
      } catch {
        // Another process won the takeover race; the next attempt sees its lock.
      }
    }
  }
  throw new DataDirLockedError(`Không lấy được khóa thư mục dữ liệu ${dataDir}.`, dataDir, -1);
}

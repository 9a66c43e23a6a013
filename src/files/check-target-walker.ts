import { readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { isSystemFile } from './system-file-filter.js';

/** A file to check: a single sample, or an archive whose entries are each checked. */
export interface CheckTarget {
  readonly kind: 'file' | 'zip';
  readonly path: string;
  readonly size: number;
}

/** The files under the given paths, or the first path that does not exist. */
export type CheckTargetsResult =
  | { readonly ok: true; readonly targets: readonly CheckTarget[] }
  | { readonly ok: false; readonly missing: string };

// Symlinked folders can form loops; real paths are remembered and depth is capped so a walk always ends.
const MAX_DEPTH = 64;

// Synchronous on purpose (only `sohoa check` walks, one thing at a time): an async stat per file is a
// thread-pool round trip, and over 2,000 scans that waiting cost about a tenth of the whole command.
const attempt = <T>(read: () => T): T | undefined => {
  try {
    return read();
  } catch {
    return undefined;
  }
};

/** Expands files and folders (recursively, in name order, skipping OS clutter) into check targets. */
export async function collectCheckTargets(paths: readonly string[]): Promise<CheckTargetsResult> {
  const targets: CheckTarget[] = [];
  const seenFolders = new Set<string>();
  const visit = async (path: string, depth: number, explicit: boolean): Promise<boolean> => {
    const info: Stats | undefined = attempt(() => statSync(path));
    if (info === undefined) return !explicit;
    if (info.isDirectory()) {
      const real = attempt(() => realpathSync(path)) ?? path;
      if (seenFolders.has(real) || depth > MAX_DEPTH) return true;
      seenFolders.add(real);
      // An unreadable folder contributes nothing rather than aborting the whole check.
      const names = (attempt(() => readdirSync(path)) ?? []).sort();
      for (const name of names) await visit(join(path, name), depth + 1, false);
      return true;
    }
    if (!info.isFile() || (!explicit && isSystemFile(path))) return true;
    targets.push({ kind: /\.zip$/i.test(path) ? 'zip' : 'file', path, size: info.size });
    return true;
  };
  for (const path of paths) {
    if (!(await visit(path, 0, true))) return { ok: false, missing: path };
  }
  return { ok: true, targets };
}

import { readdir, realpath, stat } from 'node:fs/promises';
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

/** Expands files and folders (recursively, in name order, skipping OS clutter) into check targets. */
export async function collectCheckTargets(paths: readonly string[]): Promise<CheckTargetsResult> {
  const targets: CheckTarget[] = [];
  const seenFolders = new Set<string>();
  const visit = async (path: string, depth: number, explicit: boolean): Promise<boolean> => {
    const info = await stat(path).catch(() => undefined);
    if (info === undefined) return !explicit;
    if (info.isDirectory()) {
      const real = await realpath(path).catch(() => path);
      if (seenFolders.has(real) || depth > MAX_DEPTH) return true;
      seenFolders.add(real);
      // An unreadable folder contributes nothing rather than aborting the whole check.
      const names = (await readdir(path).catch(() => [] as string[])).sort();
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

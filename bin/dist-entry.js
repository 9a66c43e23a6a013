// Which code `sohoa` runs: the compiled JavaScript in dist/ when it is current, else the TypeScript sources.
//
// "Current" is decided like make does, from modification times, because it must cost almost nothing on
// every start (hashing the sources would cost more than loading them): dist/build-stamp.json, written by
// scripts/build.ts, lists every file the build compiled and the time the build started; dist is used only
// if each of those files still exists and none was modified after that time. A new file matters only once
// something imports it, and that importer is then newer. SOHOA_FROM_SOURCE=1 forces the sources.
import { readFileSync, statSync } from 'node:fs';

const ROOT = new URL('../', import.meta.url);

/** True when dist/ holds a build of the current sources. */
export function distIsCurrent(env = process.env) {
  if (env.SOHOA_FROM_SOURCE === '1') return false;
  try {
    const stamp = JSON.parse(readFileSync(new URL('dist/build-stamp.json', ROOT), 'utf8'));
    if (!Array.isArray(stamp.sources) || typeof stamp.startedMs !== 'number') return false;
    return stamp.sources.every((file) => statSync(new URL(file, ROOT)).mtimeMs <= stamp.startedMs);
  } catch {
    // No build, a half-written stamp or a deleted source: the sources are always right.
    return false;
  }
}

/** The module that exports the CLI's `main`: dist's when current, else src's (then tsx must be registered). */
export function cliEntry(env = process.env) {
  return distIsCurrent(env)
    ? { url: new URL('dist/src/cli/main.js', ROOT).href, compiled: true }
    : { url: new URL('src/cli/main.ts', ROOT).href, compiled: false };
}

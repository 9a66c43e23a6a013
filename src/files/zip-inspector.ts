import { inspectFile, type InspectOptions } from './file-inspector.js';
import { baseName } from './file-name-rule.js';
import type { FileRules } from '../domain/file-rules.js';
import { verdictOf, type PathVerdict } from '../domain/file-verdict.js';
import { problemFor } from '../messages/file-problem-messages.js';
import { isSystemFile } from './system-file-filter.js';
import { DEFAULT_ZIP_LIMITS, openZip, type ZipLimits } from './zip-reader.js';

/** Options for a bulk check of one archive. */
export interface ZipInspectOptions extends InspectOptions {
  readonly zip?: ZipLimits;
  /** Called once the archive is open, with the number of entries that will be reported. */
  readonly onOpen?: (entryCount: number) => void;
}

/**
 * Inspects every file in a ZIP of sample PDFs, one entry in memory at a time, reporting each as
 * `<zipPath>/<entry>`. An archive that cannot be opened yields one rejected verdict for the archive itself.
 */
export async function* inspectZip(
  zipPath: string,
  bytes: Uint8Array,
  rules: FileRules,
  now: Date,
  options: ZipInspectOptions = {},
): AsyncGenerator<PathVerdict> {
  const opened = openZip(bytes, options.zip ?? DEFAULT_ZIP_LIMITS);
  if (!opened.ok) {
    options.onOpen?.(1);
    const problem = problemFor.zip(opened.fault, opened.measured, opened.limit);
    yield { path: zipPath, verdict: verdictOf(baseName(zipPath), bytes.length, [problem]) };
    return;
  }
  options.onOpen?.(opened.entryCount);
  for (const entry of opened.entries()) {
    const path = `${zipPath}/${entry.name}`;
    if (isSystemFile(entry.name)) continue;
    if (!entry.ok) {
      const problem = problemFor.zip(entry.fault, entry.measured, entry.limit);
      yield { path, verdict: verdictOf(baseName(entry.name), 0, [problem]) };
      continue;
    }
    yield { path, verdict: await inspectFile({ name: entry.name, bytes: entry.bytes }, rules, now, options) };
  }
}

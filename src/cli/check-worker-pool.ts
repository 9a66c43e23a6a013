import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FileRules } from '../domain/file-rules.js';
import type { FileVerdict } from '../domain/file-verdict.js';

/** Files sent to a worker at once: few enough to balance the load, enough to keep messages rare. */
const BATCH = 16;
/** Below this many files, starting threads (each loads pdf-lib anew) costs more than it saves. */
export const PARALLEL_MIN_FILES = 64;
const MAX_WORKERS = 4;

/** A run of consecutive files for one worker. */
export interface CheckBatch {
  readonly first: number;
  readonly files: readonly { readonly path: string; readonly size: number }[];
}

/** A worker's answer: one result per file of the batch, in order. */
export interface CheckBatchResult {
  readonly first: number;
  readonly results: readonly ({ readonly verdict: FileVerdict } | { readonly unreadable: true })[];
}

/** A file could not be read (deleted or locked after it was listed); any other rejection is a bug. */
export class UnreadableFileError extends Error {
  override readonly name = 'UnreadableFileError';
}

/**
 * How many threads to use for `count` files: one per idle core (up to 4), or none for a short list or a
 * busy machine. Each thread loads and warms up pdf-lib on its own (about half as much CPU again over a
 * folder), which pays only when cores are free: on a saturated machine the process gets no more CPU for
 * having more threads. The verdicts are the same either way; only the speed differs.
 */
export function workerCountFor(
  count: number,
  cores = availableParallelism(),
  load = loadavg()[0] ?? 0,
): number {
  const idle = Math.floor(cores - load + 0.5);
  return count < PARALLEL_MIN_FILES || idle < 2 ? 0 : Math.min(idle, MAX_WORKERS);
}

/** The compiled worker under dist/, or (development, tests) its TypeScript source through tsx. */
function spawnWorker(rules: FileRules, now: Date): Worker {
  const workerData = { rules, nowMs: now.getTime() };
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./check-worker.js', import.meta.url), { workerData });
  return new Worker(new URL('./check-worker-tsx.mjs', import.meta.url), { workerData });
}

/**
 * Inspects files on `workers` threads and returns one promise per file, in the files' order, so the
 * caller prints the same table whatever thread finished first. A promise rejects when its file cannot be
 * read. Inspection is CPU-bound (pdf-lib parsing): a folder of scans is checked as fast as the cores allow.
 */
export function inspectOnWorkers(
  files: readonly { readonly path: string; readonly size: number }[],
  rules: FileRules,
  now: Date,
  workers: number,
): Promise<FileVerdict>[] {
  const settle = files.map(() => {
    let resolve!: (verdict: FileVerdict) => void;
    let reject!: (error: Error) => void;
    const promise = new Promise<FileVerdict>((ok, fail) => {
      resolve = ok;
      reject = fail;
    });
    return { promise, resolve, reject };
  });
  let next = 0;
  let running = 0;
  const startOne = () => {
    const worker = spawnWorker(rules, now);
    running += 1;
    let held: CheckBatch | undefined;
    const feed = () => {
      if (next >= files.length) {
        held = undefined;
        void worker.terminate();
        return;
      }
      const first = next;
      next = Math.min(files.length, next + BATCH);
      held = { first, files: files.slice(first, next) };
      worker.postMessage(held);
    };
    worker.on('message', (batch: CheckBatchResult) => {
      batch.results.forEach((result, offset) => {
        const slot = settle[batch.first + offset];
        if (slot === undefined) return;
        if ('verdict' in result) slot.resolve(result.verdict);
        else slot.reject(new UnreadableFileError(files[batch.first + offset]?.path));
      });
      feed();
    });
    worker.on('error', (error) => {
      // A crashed thread fails the batch it held (and, as the last thread, everything left): a bug that the
      // caller reports with its stack. Settling a promise twice does nothing, so "everything" is safe.
      running -= 1;
      const lost =
        running === 0
          ? settle
          : settle.slice(held?.first ?? 0, (held?.first ?? 0) + (held?.files.length ?? 0));
      for (const slot of lost) slot.reject(error);
    });
    // Ending while holding a batch without an 'error' (killed, process.exit in a module) must not hang.
    worker.on('exit', (code) => {
      if (held === undefined) return;
      const { first, files: batch } = held;
      for (const slot of settle.slice(first, first + batch.length))
        slot.reject(new Error(`a check worker stopped with exit code ${code}`));
    });
    feed();
  };
  for (let index = 0; index < workers; index += 1) startOne();
  // Rejections are read in order by the caller; these handlers only keep an early one from being "unhandled".
  for (const slot of settle) slot.promise.catch(() => undefined);
  return settle.map((slot) => slot.promise);
}

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { collectCheckTargets, type CheckTarget } from '../files/check-target-walker.js';
import { DEFAULT_FILE_RULES, type FileRules } from '../files/file-rules.js';
import { verdictOf, type FileVerdict, type PathVerdict } from '../domain/file-verdict.js';
import { checkCommandText, problemFor } from '../messages/file-problem-messages.js';
import { formatVerdictTable, summarizeVerdicts } from '../files/verdict-table.js';
import { UnreadableFileError, inspectOnWorkers, workerCountFor } from './check-worker-pool.js';
import type { CliIo } from './cli-io.js';

const PROGRESS_WIDTH = 30;
const PROGRESS_INTERVAL_MS = 100;

interface CheckArgs {
  readonly paths: readonly string[];
  readonly json: boolean;
  readonly campaign?: string;
}

/**
 * `sohoa check <file|folder|zip>… [--json] [--campaign <dir>]`: inspects sample files without a database
 * or a bot token. Exit code 0 when nothing is rejected, 1 when something is, 2 on a usage error.
 */
export async function checkCommand(args: string[], io: CliIo, now: Date = new Date()): Promise<number> {
  const parsed = parseArgs(args);
  if (parsed === 'help') {
    io.out(`${checkCommandText.usage}\n`);
    return 0;
  }
  if (typeof parsed === 'string') return usageError(io, parsed);
  let rules: FileRules = DEFAULT_FILE_RULES;
  if (parsed.campaign !== undefined) {
    // Imported only here: the campaign schema pulls in zod (over 200 modules), which a plain check skips.
    const { loadCampaignFileRules } = await import('../files/campaign-file-rules.js');
    const loaded = await loadCampaignFileRules(parsed.campaign);
    if (!loaded.ok) {
      const message =
        loaded.reason === 'missing'
          ? checkCommandText.campaignMissing(loaded.path)
          : checkCommandText.campaignInvalid(loaded.path, loaded.detail);
      return usageError(io, message);
    }
    rules = loaded.rules;
  }
  const collected = await collectCheckTargets(parsed.paths);
  if (!collected.ok) return usageError(io, checkCommandText.pathNotFound(collected.missing));
  const progress = createProgress(io, collected.targets.length);
  const rows: PathVerdict[] = [];
  const unreadable: string[] = [];
  const pooled = startPool(collected.targets, rules, now);
  for (const target of collected.targets) {
    try {
      for await (const row of checkTarget(target, rules, now, progress.grow, pooled.get(target))) {
        rows.push(row);
        progress.tick();
      }
    } catch (error) {
      if (pooled.has(target) && !(error instanceof UnreadableFileError)) throw error;
      // Deleted or locked between listing and reading: say so, keep checking the rest, fail at the end.
      unreadable.push(target.path);
      progress.tick();
    }
  }
  progress.done();
  for (const path of unreadable) io.err(`${checkCommandText.unreadable(path)}\n`);
  const summary = summarizeVerdicts(rows);
  if (parsed.json) io.out(`${JSON.stringify({ files: rows.map(toJson), summary }, null, 2)}\n`);
  else io.out(formatVerdictTable(rows));
  return summary.rejected > 0 || unreadable.length > 0 ? 1 : 0;
}

function parseArgs(args: readonly string[]): CheckArgs | 'help' | string {
  const paths: string[] = [];
  let json = false;
  let campaign: string | undefined;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    if (arg === '--') {
      paths.push(...args.slice(index + 1));
      break;
    }
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--json') {
      json = true;
    } else if (arg === '--campaign' || arg.startsWith('--campaign=')) {
      index += arg.includes('=') ? 0 : 1;
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[index];
      if (value === undefined || value === '' || value.startsWith('--'))
        return checkCommandText.missingValue('--campaign');
      campaign = value;
    } else if (arg.startsWith('-') && arg !== '-') {
      return checkCommandText.unknownOption(arg);
    } else {
      paths.push(arg);
    }
  }
  if (paths.length === 0) return checkCommandText.noPaths;
  return { paths, json, ...(campaign === undefined ? {} : { campaign }) };
}

function usageError(io: CliIo, message: string): number {
  io.err(`${message}\n\n${checkCommandText.usage}\n`);
  return 2;
}

/** Many files go to worker threads, started at once; their verdicts are read back in the targets' order. */
function startPool(
  targets: readonly CheckTarget[],
  rules: FileRules,
  now: Date,
): Map<CheckTarget, Promise<FileVerdict>> {
  const files = targets.filter((target) => target.kind === 'file');
  const workers = workerCountFor(files.length);
  if (workers === 0) return new Map();
  const verdicts = inspectOnWorkers(files, rules, now, workers);
  return new Map(
    files.map((target, index) => [target, verdicts[index] ?? Promise.reject(new Error('lost'))]),
  );
}

async function* checkTarget(
  target: CheckTarget,
  rules: FileRules,
  now: Date,
  grow: (extra: number) => void,
  pooled: Promise<FileVerdict> | undefined,
): AsyncGenerator<PathVerdict> {
  if (target.kind === 'zip') {
    // The ZIP reader loads only when a ZIP is given: a folder of PDFs never needs it.
    const [{ inspectZip }, { DEFAULT_ZIP_LIMITS }] = await Promise.all([
      import('../files/zip-inspector.js'),
      import('../files/zip-reader.js'),
    ]);
    if (target.size > DEFAULT_ZIP_LIMITS.maxTotalBytes) {
      const problem = problemFor.zip('too_large', target.size, DEFAULT_ZIP_LIMITS.maxTotalBytes);
      yield { path: target.path, verdict: verdictOf(basename(target.path), target.size, [problem]) };
      return;
    }
    const bytes = readFileSync(target.path);
    // The archive counted as one target until opened; its entries replace it in the total.
    yield* inspectZip(target.path, bytes, rules, now, { onOpen: (count) => grow(count - 1) });
    return;
  }
  if (pooled !== undefined) {
    yield { path: target.path, verdict: await pooled };
    return;
  }
  // Loaded here, not at the top: with a pool only the worker threads need pdf-lib.
  const { checkFileOnDisk } = await import('./check-file-reader.js');
  yield { path: target.path, verdict: await checkFileOnDisk(target.path, target.size, rules, now) };
}

function toJson({ path, verdict }: PathVerdict) {
  return {
    path,
    status: verdict.status,
    bytes: verdict.bytes,
    ...(verdict.pages === undefined ? {} : { pages: verdict.pages }),
    ...(verdict.dpi === undefined ? {} : { dpi: verdict.dpi }),
    problems: verdict.problems.map(({ code, severity, message, measured, limit }) => ({
      code,
      severity,
      message,
      ...(measured === undefined ? {} : { measured }),
      ...(limit === undefined ? {} : { limit }),
    })),
  };
}

// A progress bar on stderr, only for a person at a terminal: pipes and CI logs get no carriage-return noise.
function createProgress(io: CliIo, initialTotal: number) {
  let total = initialTotal;
  let done = 0;
  let lastDraw = 0;
  const draw = (force: boolean) => {
    if (!io.isTTY) return;
    const nowMs = Date.now();
    if (!force && nowMs - lastDraw < PROGRESS_INTERVAL_MS) return;
    lastDraw = nowMs;
    const filled =
      total === 0 ? PROGRESS_WIDTH : Math.min(PROGRESS_WIDTH, Math.round((done / total) * PROGRESS_WIDTH));
    io.err(
      `\r${checkCommandText.progress} [${'█'.repeat(filled)}${'░'.repeat(PROGRESS_WIDTH - filled)}] ${done}/${total}`,
    );
  };
  return {
    grow: (extra: number) => {
      total += extra;
    },
    tick: () => {
      done += 1;
      draw(false);
    },
    done: () => {
      if (!io.isTTY) return;
      draw(true);
      io.err('\r\u001b[2K');
    },
  };
}

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ConvertOutcome } from '../domain/convert-outcome.js';
import { DEFAULT_CONVERT_STEPS, type ConvertSteps } from '../domain/convert-steps.js';
import { collectCheckTargets } from '../files/check-target-walker.js';
import { expandArchives, uniqueName } from '../files/convert/convert-batch.js';
import { convertFile, type ConvertInput } from '../files/convert/convert-file.js';
import { DEFAULT_CONVERT_RULES, convertRulesOf, type ConvertRules } from '../files/convert/convert-rules.js';
import { convertCommandText, convertLine } from '../messages/convert-messages.js';
import type { CliIo } from './cli-io.js';

const PROGRESS_WIDTH = 30;

interface ConvertArgs {
  readonly paths: readonly string[];
  readonly out: string;
  readonly json: boolean;
  readonly campaign?: string;
}

/**
 * `sohoa convert <file|folder|zip>… --out <dir> [--json] [--campaign <dir>]`: turns photos and oversized
 * scans into compliant PDFs, offline. One line per file (size before → after, verdict); exit code 0 when
 * every file came out compliant, 1 when one could not be made so, 2 on a usage error.
 */
export async function convertCommand(args: string[], io: CliIo, now: Date = new Date()): Promise<number> {
  const parsed = parseArgs(args);
  if (parsed === 'help') {
    io.out(`${convertCommandText.usage}\n`);
    return 0;
  }
  if (typeof parsed === 'string') return usageError(io, parsed);
  let rules: ConvertRules = DEFAULT_CONVERT_RULES;
  if (parsed.campaign !== undefined) {
    const { loadCampaignFileRules } = await import('../files/campaign-file-rules.js');
    const loaded = await loadCampaignFileRules(parsed.campaign);
    if (!loaded.ok) {
      return usageError(
        io,
        loaded.reason === 'missing'
          ? convertCommandText.campaignMissing(loaded.path)
          : convertCommandText.campaignInvalid(loaded.path, loaded.detail),
      );
    }
    rules = convertRulesOf(loaded.rules, stepsFrom(readFileSync(loaded.path, 'utf8')));
  }
  const collected = await collectCheckTargets(parsed.paths);
  if (!collected.ok) return usageError(io, convertCommandText.pathNotFound(collected.missing));
  mkdirSync(parsed.out, { recursive: true });
  const unreadable: string[] = [];
  const inputs: ConvertInput[] = [];
  for (const target of collected.targets) {
    try {
      // Paths are shown as given; an archive's entries as `archive.zip/entry`.
      inputs.push({ name: target.path, bytes: readFileSync(target.path) });
    } catch {
      unreadable.push(target.path);
    }
  }
  const expanded = expandArchives(inputs);
  unreadable.push(...expanded.unreadable);
  const used = new Set<string>();
  const rows: { path: string; outcome: ConvertOutcome; written?: string }[] = [];
  for (const [index, input] of expanded.inputs.entries()) {
    const outcome = await convertFile({ name: basename(input.name), bytes: input.bytes }, rules, now);
    let written: string | undefined;
    if (outcome.kind !== 'refused') {
      written = uniqueName(outcome.name.name, used);
      writeFileSync(join(parsed.out, written), outcome.pdf);
    }
    rows.push({ path: input.name, outcome, ...(written === undefined ? {} : { written }) });
    if (io.isTTY) drawProgress(io, index + 1, expanded.inputs.length);
    if (!parsed.json) io.out(`${convertCommandText.line(input.name, convertLine(outcome))}\n`);
  }
  if (io.isTTY && expanded.inputs.length > 0) io.err('\n');
  for (const path of unreadable) io.err(`${convertCommandText.unreadable(path)}\n`);
  const count = (kind: ConvertOutcome['kind']) => rows.filter((row) => row.outcome.kind === kind).length;
  const failed = rows.filter(
    (row) => row.outcome.kind === 'refused' || row.outcome.verdict.status === 'rejected',
  ).length;
  const incomplete = rows.filter(
    (row) => row.outcome.kind !== 'refused' && row.outcome.name.kind === 'incomplete',
  );
  if (parsed.json) {
    io.out(
      `${JSON.stringify({ files: rows.map(toJson), summary: summaryOf(rows.length, count, failed, unreadable) }, null, 2)}\n`,
    );
  } else {
    io.out(
      `${convertCommandText.summary(count('converted'), count('already_compliant'), count('refused'), parsed.out)}\n`,
    );
    if (incomplete.length > 0) io.out(`${convertCommandText.incompleteNames(incomplete.length)}\n`);
  }
  return failed > 0 || unreadable.length > 0 ? 1 : 0;
}

function summaryOf(
  total: number,
  count: (kind: ConvertOutcome['kind']) => number,
  failed: number,
  unreadable: readonly string[],
) {
  return {
    total,
    converted: count('converted'),
    alreadyCompliant: count('already_compliant'),
    refused: count('refused'),
    notCompliant: failed,
    unreadable,
  };
}

function toJson(row: { path: string; outcome: ConvertOutcome; written?: string }) {
  const { outcome } = row;
  if (outcome.kind === 'refused') {
    return {
      path: row.path,
      kind: outcome.kind,
      sizeBefore: outcome.sizeBefore,
      refusal: outcome.refusal,
      message: convertLine(outcome),
    };
  }
  return {
    path: row.path,
    kind: outcome.kind,
    output: row.written,
    name: outcome.name,
    sizeBefore: outcome.kind === 'converted' ? outcome.sizeBefore : outcome.size,
    sizeAfter: outcome.kind === 'converted' ? outcome.sizeAfter : outcome.size,
    ...(outcome.kind === 'converted' ? { encoding: outcome.encoding } : {}),
    verdict: { status: outcome.verdict.status, problems: outcome.verdict.problems.map((p) => p.code) },
    message: convertLine(outcome),
  };
}

/** The campaign's `files.convert` switches (booleans only; anything else keeps the default). */
function stepsFrom(text: string): ConvertSteps {
  const json = JSON.parse(text) as { files?: { convert?: Record<string, unknown> } };
  const given = json.files?.convert ?? {};
  const pick = (key: keyof ConvertSteps) =>
    typeof given[key] === 'boolean' ? given[key] : DEFAULT_CONVERT_STEPS[key];
  return {
    orientation: pick('orientation'),
    trim: pick('trim'),
    grayscale: pick('grayscale'),
    normalize: pick('normalize'),
  };
}

function drawProgress(io: CliIo, done: number, total: number): void {
  const filled = total === 0 ? PROGRESS_WIDTH : Math.round((done / total) * PROGRESS_WIDTH);
  io.err(`\r[${'█'.repeat(filled)}${'░'.repeat(PROGRESS_WIDTH - filled)}] ${done}/${total}`);
}

function parseArgs(args: readonly string[]): ConvertArgs | 'help' | string {
  const paths: string[] = [];
  let json = false;
  let out: string | undefined;
  let campaign: string | undefined;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--json') {
      json = true;
      continue;
    }
    const option = ['--out', '--campaign'].find((name) => arg === name || arg.startsWith(`${name}=`));
    if (option !== undefined) {
      index += arg.includes('=') ? 0 : 1;
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[index];
      if (value === undefined || value === '' || value.startsWith('--'))
        return convertCommandText.missingValue(option);
      if (option === '--out') out = value;
      else campaign = value;
    } else if (arg.startsWith('-') && arg !== '-') {
      return convertCommandText.unknownOption(arg);
    } else {
      paths.push(arg);
    }
  }
  if (paths.length === 0) return convertCommandText.noPaths;
  if (out === undefined) return convertCommandText.noOut;
  return { paths, out, json, ...(campaign === undefined ? {} : { campaign }) };
}

function usageError(io: CliIo, message: string): number {
  io.err(`${message}\n\n${convertCommandText.usage}\n`);
  return 2;
}

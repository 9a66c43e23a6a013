import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { DemoOutputError } from '../demo/demo-output.js';
import { DemoOptionError, runDemo } from '../demo/run-demo.js';
import { UsageError, parseArgs, stringOption } from './cli-args.js';
import type { CliIo } from './cli-io.js';
import { cliMessages } from '../messages/cli-messages.js';

const USAGE = cliMessages.demoUsage;

/** The campaign the demo plays, from the package, wherever the command is run. */
const QUANG_TRI_DIR = fileURLToPath(new URL('../../campaigns/quang-tri-2025', import.meta.url));

function numberOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed))
    throw new UsageError(cliMessages.demoNeedsNumber(name, USAGE));
  return parsed;
}

/**
 * `sohoa demo`: plays the whole campaign offline — the real bot, scheduler, sender and embedded
 * PostgreSQL against a local fake Telegram — and leaves charts, PDFs, the export and the chats in a folder.
 */
export async function demoCommand(args: string[], io: CliIo, env: NodeJS.ProcessEnv): Promise<number> {
  const parsed = parseArgs(args, ['telegram-only']);
  if (parsed.positionals.length > 0) throw new UsageError(USAGE);
  const dataDir = stringOption(parsed, 'data-dir');
  if (dataDir && ((await readdir(dataDir).catch(() => [])) as string[]).length > 0)
    throw new UsageError(cliMessages.demoDataDirNotEmpty(dataDir));
  // The user guides' chat pictures (docs/images), rendered from this run's chats after it ends.
  const guideImagesDir = stringOption(parsed, 'guide-images');
  const options = {
    days: numberOption(stringOption(parsed, 'days'), 'days', 20),
    // Every commune of the campaign unless asked for fewer (119 in Quảng Trị 2025, 78 in 2026).
    ...(stringOption(parsed, 'communes') === undefined
      ? {}
      : { communes: numberOption(stringOption(parsed, 'communes'), 'communes', 0) }),
    seed: stringOption(parsed, 'seed') ?? '2025',
    speed: numberOption(stringOption(parsed, 'speed'), 'speed', 0),
    outDir: stringOption(parsed, 'out') ?? 'demo-out',
    ...(dataDir ? { dataDir } : {}),
    ...(guideImagesDir ? { guideImagesDir } : {}),
    campaignDir: stringOption(parsed, 'campaign') ?? QUANG_TRI_DIR,
    // A third of the communes and one leader on Zalo unless asked for Telegram alone.
    zalo: parsed.options['telegram-only'] !== true,
    ...(stringOption(parsed, 'zalo-oa') === undefined ? {} : { zaloOaUnit: stringOption(parsed, 'zalo-oa') }),
    logLevel: env.LOG_LEVEL ?? 'error',
    progress: (line: string) => io.out(`${line}\n`),
  };
  try {
    const result = await runDemo(options);
    io.out(`\n${result.summaryText}`);
    const guide = result.guideImages;
    if (guide) {
      io.out(cliMessages.demoGuideImages(guide.written.length, guide.dir));
      if (guide.missing.length > 0) io.err(cliMessages.demoGuideMissing(guide.missing));
    }
    const complete = !guide || guide.missing.length === 0;
    return complete && result.mismatches.length === 0 && result.summary.tally.anomalies.length === 0 ? 0 : 1;
  } catch (error) {
    if (error instanceof DemoOptionError) throw new UsageError(`${error.message}\n${USAGE}`);
    if (error instanceof DemoOutputError) {
      io.err(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

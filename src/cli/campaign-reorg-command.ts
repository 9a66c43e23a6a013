import { readCampaignFolder } from '../config/campaign-folder.js';
import { readUnitMappingFile } from '../config/unit-mapping-file.js';
import { describeCampaignChange } from '../messages/campaign-change-messages.js';
import { cliMessages } from '../messages/cli-messages.js';
import {
  describeReorgProblem,
  reorgCliMessages,
  reorgRefusalMessages,
  reorgWording,
} from '../messages/reorg-messages.js';
import { reorganizeCampaign, type ReorgRefusal } from '../services/campaign-reorg.service.js';
import { UsageError, parseArgs, stringOption } from './cli-args.js';
import type { CliIo } from './cli-io.js';
import { withRuntime } from './cli-runtime.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function refusalLines(refusal: ReorgRefusal): string[] {
  switch (refusal.kind) {
    case 'no_campaign':
      return [reorgRefusalMessages.noCampaign(refusal.code)];
    case 'not_after_start':
      return [reorgRefusalMessages.notAfterStart(refusal.from, refusal.start)];
    case 'after_end':
      return [reorgRefusalMessages.afterEnd(refusal.from, refusal.end)];
    case 'in_future':
      return [reorgRefusalMessages.inFuture(refusal.from, refusal.today)];
    case 'reports_from_change':
      return [reorgRefusalMessages.reportsFromChange(refusal.from, refusal.units)];
    case 'other_mapping':
      return [reorgRefusalMessages.otherMapping(refusal.from)];
    case 'problems':
      return [
        reorgRefusalMessages.problems(refusal.problems.length),
        ...refusal.problems.map((p) => `  - ${describeReorgProblem(p)}`),
      ];
  }
}

/**
 * `sohoa campaign load <dir> --mapping <csv> --from <date>`: carries the running campaign over to the
 * folder's new units (see src/services/campaign-reorg.service.ts). Exit 1 with every reason when refused.
 */
export async function campaignReorgCommand(
  args: string[],
  io: CliIo,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  const parsed = parseArgs(args);
  const [action, dir, ...extra] = parsed.positionals;
  if (action !== 'load' || !dir || extra.length > 0) throw new UsageError(cliMessages.campaignUsage);
  const mappingPath = stringOption(parsed, 'mapping', true);
  const from = stringOption(parsed, 'from', true);
  const day = new Date(`${from}T00:00:00Z`);
  if (!ISO_DATE.test(from) || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== from) {
    throw new UsageError(cliMessages.exportBadDate(from));
  }
  // Both files are checked before the database is opened: a bad file never touches it.
  const definition = await readCampaignFolder(dir);
  const lines = await readUnitMappingFile(mappingPath);
  const outcome = await withRuntime(env, ({ db, clock }) =>
    reorganizeCampaign(db, definition, lines, from, clock, reorgWording),
  );
  if (outcome.kind === 'refused') {
    for (const line of refusalLines(outcome.refusal)) io.err(`${line}\n`);
    return 1;
  }
  // The new units are listed in the summary; what else the folder changed (dates, names) is listed here.
  const changes =
    outcome.kind === 'applied'
      ? outcome.load.changes.filter((c) => c.kind !== 'unit_added')
      : outcome.load.changes;
  io.out(
    outcome.kind === 'applied'
      ? reorgCliMessages.applied(outcome.summary)
      : reorgCliMessages.alreadyApplied(outcome.from),
  );
  if (changes.length === 0) {
    if (outcome.kind === 'already_applied') io.out(cliMessages.campaignUnchanged);
    return 0;
  }
  io.out(cliMessages.campaignChanged(changes.length));
  for (const change of changes) io.out(`  - ${describeCampaignChange(change)}\n`);
  return 0;
}

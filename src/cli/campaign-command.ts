import { readCampaignFolder } from '../config/campaign-folder.js';
import {
  describeCampaignChange,
  describeUnitNameFix,
  unitNameFixesHeading,
} from '../messages/campaign-change-messages.js';
import { cliMessages } from '../messages/cli-messages.js';
import { loadCampaign } from '../services/campaign-load.service.js';
import { UsageError, parseArgs } from './cli-args.js';
import type { CliIo } from './cli-io.js';
import { withRuntime } from './cli-runtime.js';

/**
 * `sohoa campaign load <dir>`: validates a campaign folder, then makes the database match it.
 * `sohoa campaign init …`: writes a new folder from the official list (campaign-init-command.ts).
 */
export async function campaignCommand(args: string[], io: CliIo, env: NodeJS.ProcessEnv): Promise<number> {
  if (args[0] === 'init') {
    // Writes a new folder from the official list; no database, so it loads nothing else.
    const { campaignInitCommand } = await import('./campaign-init-command.js');
    return campaignInitCommand(args.slice(1), io);
  }
  const { positionals, options } = parseArgs(args);
  if (options['mapping'] !== undefined || options['from'] !== undefined) {
    // A new version of the folder whose units were reorganised (campaign-reorg-command.ts).
    const { campaignReorgCommand } = await import('./campaign-reorg-command.js');
    return campaignReorgCommand(args, io, env);
  }
  const [action, dir, ...extra] = positionals;
  if (action !== 'load' || !dir || extra.length > 0) {
    throw new UsageError(cliMessages.campaignUsage);
  }
  // Validate the files before opening the database: a bad file never touches it.
  const definition = await readCampaignFolder(dir);
  const result = await withRuntime(env, ({ db, clock }) => loadCampaign(db, definition, clock));
  const count = (level: string) => definition.units.filter((u) => u.level === level).length;
  io.out(
    cliMessages.campaignLoaded(
      definition.campaign,
      definition.campaign.levels.map((level) => ({ level, count: count(level.code) })),
      { books: result.counts.targetBooks, cases: result.counts.targetCases },
    ),
  );
  if (result.normalized.length > 0) {
    io.out(`${unitNameFixesHeading(result.normalized.length)}\n`);
    for (const fix of result.normalized) io.out(`  - ${describeUnitNameFix(fix)}\n`);
  }
  if (result.created) io.out(cliMessages.campaignCreated);
  else if (result.changes.length === 0) io.out(cliMessages.campaignUnchanged);
  else {
    io.out(cliMessages.campaignChanged(result.changes.length));
    for (const change of result.changes) io.out(`  - ${describeCampaignChange(change)}\n`);
  }
  return 0;
}

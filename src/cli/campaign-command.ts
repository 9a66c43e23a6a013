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

/** `sohoa campaign load <dir>`: validates a campaign folder, then makes the database match it. */
export async function campaignCommand(args: string[], io: CliIo, env: NodeJS.ProcessEnv): Promise<number> {
  const { positionals } = parseArgs(args);
  const [action, dir, ...extra] = positionals;
  if (action !== 'load' || !dir || extra.length > 0) {
    throw new UsageError(cliMessages.campaignUsage);
  }
  // Validate the files before opening the database: a bad file never touches it.
  const definition = await readCampaignFolder(dir);
  const result = await withRuntime(env, ({ db, clock }) => loadCampaign(db, definition, clock));
  const levels = (level: string) => definition.units.filter((u) => u.level === level).length;
  io.out(
    cliMessages.campaignLoaded(
      definition.campaign,
      { province: levels('province'), district: levels('district'), commune: levels('commune') },
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

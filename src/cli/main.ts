import {
  AccessDeniedError,
  CampaignFileError,
  ConfigError,
  DataDirLockedError,
  NotFoundError,
  ServiceFailedError,
} from '../domain/errors.js';
import { UsageError } from './cli-args.js';
import { processIo, type CliIo } from './cli-io.js';
import { CLI_COMMAND_HELP, cliMessages } from '../messages/cli-messages.js';

type Command = (args: string[], io: CliIo, env: NodeJS.ProcessEnv) => Promise<number>;

// Each command is imported only when it runs: `sohoa check` must not pay for PGlite, telegraf, the chart
// and Excel libraries, and `sohoa demo` is the one production path to src/demo and the fake Bot API.
const COMMANDS: Record<string, { load: () => Promise<Command>; help: string }> = {
  start: {
    load: async () => (await import('./start-command.js')).startCommand,
    help: CLI_COMMAND_HELP.start,
  },
  migrate: {
    load: async () => (await import('./migrate-command.js')).migrateCommand,
    help: CLI_COMMAND_HELP.migrate,
  },
  campaign: {
    load: async () => (await import('./campaign-command.js')).campaignCommand,
    help: CLI_COMMAND_HELP.campaign,
  },
  invite: {
    load: async () => (await import('./invite-command.js')).inviteCommand,
    help: CLI_COMMAND_HELP.invite,
  },
  export: {
    load: async () => (await import('./export-command.js')).exportCommand,
    help: CLI_COMMAND_HELP.export,
  },
  'zalo-oa': {
    load: async () => (await import('./zalo-oa-command.js')).zaloOaCommand,
    help: CLI_COMMAND_HELP.zaloOa,
  },
  'run-job': {
    load: async () => (await import('./run-job-command.js')).runJobCommand,
    help: CLI_COMMAND_HELP.runJob,
  },
  demo: {
    load: async () => (await import('./demo-command.js')).demoCommand,
    help: CLI_COMMAND_HELP.demo,
  },
  check: {
    // No database or token needed; only the clock, so that SOHOA_NOW rehearsals judge years the same way.
    load: async () => {
      const { checkCommand } = await import('./check-command.js');
      return (args, io, env) => checkCommand(args, io, env.SOHOA_NOW ? new Date(env.SOHOA_NOW) : new Date());
    },
    help: CLI_COMMAND_HELP.check,
  },
  convert: {
    load: async () => {
      const { convertCommand } = await import('./convert-command.js');
      return (args, io, env) =>
        convertCommand(args, io, env.SOHOA_NOW ? new Date(env.SOHOA_NOW) : new Date());
    },
    help: CLI_COMMAND_HELP.convert,
  },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.help}`);
  return cliMessages.usage(lines);
}

// Errors a user can cause end in one readable line; anything else is a bug and keeps its stack.
const EXPECTED = [
  ConfigError,
  CampaignFileError,
  DataDirLockedError,
  NotFoundError,
  AccessDeniedError,
  ServiceFailedError,
];

/** Runs one `sohoa` command and returns the process exit code. */
export async function main(
  argv: string[],
  io: CliIo = processIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(cliMessages.unknownCommand(name, usage()));
    return 2;
  }
  try {
    const run = await command.load();
    return await run(args, io, env);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n`);
      return 2;
    }
    if (EXPECTED.some((type) => error instanceof type)) {
      io.err(`${(error as Error).message}\n`);
      return 1;
    }
    io.err(
      cliMessages.unexpectedError(error instanceof Error ? (error.stack ?? error.message) : String(error)),
    );
    return 1;
  }
}

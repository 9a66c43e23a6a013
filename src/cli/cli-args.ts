import { cliMessages } from '../messages/cli-messages.js';

/** Parsed command-line options: `--name value`, `--flag`, and the remaining positionals. */
export interface ParsedArgs {
  readonly positionals: string[];
  readonly options: Record<string, string | true>;
}

/** A usage mistake; the dispatcher prints it and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Parses argv; `flags` lists the options that take no value. */
export function parseArgs(argv: string[], flags: readonly string[] = []): ParsedArgs {
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const [name = '', inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (flags.includes(name)) {
      options[name] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) {
      throw new UsageError(cliMessages.optionNeedsValue(name));
    }
    options[name] = value;
  }
  return { positionals, options };
}

/** Reads a string option, failing with a usage error when it is required and missing. */
export function stringOption(args: ParsedArgs, name: string, required: true): string;
export function stringOption(args: ParsedArgs, name: string, required?: false): string | undefined;
export function stringOption(args: ParsedArgs, name: string, required = false): string | undefined {
  const value = args.options[name];
  if (value === true) throw new UsageError(cliMessages.optionNeedsValue(name));
  if (value === undefined && required) throw new UsageError(cliMessages.optionMissing(name));
  return value;
}

/** Where a CLI command writes; injected so tests can capture output without spawning a process. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** True when stdout is a terminal: progress bars and colours only then. */
  readonly isTTY: boolean;
}

/** The real process streams. */
export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stdout.isTTY),
};

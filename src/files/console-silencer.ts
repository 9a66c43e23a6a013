type ConsoleMethod = 'log' | 'info' | 'warn' | 'error' | 'debug';
const SILENCED: readonly ConsoleMethod[] = ['log', 'info', 'warn', 'error', 'debug'];

// Overlapping inspections (a bulk check runs several at once) share one mute: the first to enter saves the
// real methods and the last to leave puts them back, so an overlap can never leave the console muted.
let depth = 0;
let saved: (readonly [ConsoleMethod, Console[ConsoleMethod]])[] = [];

/**
 * Runs `work` with console output muted. pdf-lib reports broken files through `console.warn`, which would
 * flood the service log with noise about user files (and could echo their content); we report through
 * the verdict instead. The originals come back even when `work` throws.
 */
export async function withSilencedConsole<T>(work: () => Promise<T>): Promise<T> {
  if (depth === 0) {
    saved = SILENCED.map((method) => [method, console[method]] as const);
    for (const method of SILENCED) console[method] = () => undefined;
  }
  depth += 1;
  try {
    return await work();
  } finally {
    depth -= 1;
    if (depth === 0) {
      for (const [method, original] of saved) console[method] = original;
      saved = [];
    }
  }
}

import { runService } from '../main.js';
import type { CliIo } from './cli-io.js';
import { withRuntime } from './cli-runtime.js';

/** How long a stopped service may take to let go of its last handles before the process is ended. */
const EXIT_GRACE_MS = 3_000;

/**
 * `sohoa start`: runs the service until SIGINT/SIGTERM, or until it fails (a call that must succeed at
 * start, or a loop that stopped): then the database is closed and the process ends — non-zero on a
 * failure — within seconds, even if a library still holds a socket or a timer. The data folder's lock
 * is held until the process really ends, so a second `sohoa start` never runs beside a dying one.
 */
export async function startCommand(_args: string[], _io: CliIo, env: NodeJS.ProcessEnv): Promise<number> {
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let failed = true;
  try {
    await withRuntime(env, (runtime) => runService(runtime, stop.signal), undefined, {
      holdLockUntilExit: true,
    });
    failed = false;
    return 0;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    // Unref'd: it ends a process that lingers, and never keeps one alive that would end by itself.
    setTimeout(() => process.exit(process.exitCode ?? (failed ? 1 : 0)), EXIT_GRACE_MS).unref();
  }
}

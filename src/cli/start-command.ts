import { runService } from '../main.js';
import type { CliIo } from './cli-io.js';
import { withRuntime } from './cli-runtime.js';

/** `sohoa start`: runs the service until SIGINT/SIGTERM, then closes the database cleanly. */
export async function startCommand(_args: string[], _io: CliIo, env: NodeJS.ProcessEnv): Promise<number> {
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await withRuntime(env, (runtime) => runService(runtime, stop.signal));
    return 0;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

import type { CliIo } from '../../src/cli/cli-io.js';

/** A CliIo that keeps what a command wrote, for assertions. */
export function captureIo(): CliIo & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    isTTY: false,
    stdout: () => out,
    stderr: () => err,
  };
}

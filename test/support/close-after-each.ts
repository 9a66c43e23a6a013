import { afterEach } from 'vitest';

/** Anything a test starts and must stop: a fake server, a fixture. */
export interface Closable {
  close(): Promise<void>;
}

/**
 * Registers, in the calling describe block, an afterEach that closes what the running test opened through
 * the returned function (last opened first), whether the test passed or failed; each test still starts
 * its own.
 */
export function closeAfterEach(): <T extends Closable>(opened: T) => T {
  let open: Closable[] = [];
  afterEach(async () => {
    const closing = open.reverse();
    open = [];
    for (const item of closing) await item.close();
  });
  return (opened) => {
    open.push(opened);
    return opened;
  };
}

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    // Much of the suite waits (child processes, PGlite start-up): three workers on two cores finish
    // sooner than two.
    maxWorkers: 3,
    // Tests wait on state, never on time, so these only catch hangs. They are sized for a busy 2-core
    // machine (two other processes spinning beside the suite), where a heavy test runs 2–3× slower.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    setupFiles: ['test/support/setup-env.ts'],
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    // Much of the suite waits (child processes, rate limits, PGlite start-up): three workers on two
    // cores finish sooner than the default of one.
    maxWorkers: 3,
    // PGlite start-up costs seconds on 2 cores; give hooks room without hiding real hangs.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    setupFiles: ['test/support/setup-env.ts'],
  },
});

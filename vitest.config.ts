import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    // PGlite start-up costs seconds on 2 cores; give hooks room without hiding real hangs.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    setupFiles: ['test/support/setup-env.ts'],
  },
});

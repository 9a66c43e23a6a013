import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * The longest files, longest first (single worker, busy machine). Started first, they run beside the
 * many short files instead of alone at the end of the run. Most of their time is waiting on child
 * processes, a browser or a lease, so they overlap well with the CPU-bound files.
 */
const LONGEST_FIRST = [
  'test/demo/demo-e2e.test.ts',
  'test/ops/two-instances.test.ts',
  'test/ops/two-channels.test.ts',
  'test/web/upload/upload-browser.test.ts',
  'test/web/dashboard-browser.test.ts',
  'test/bot/convert.test.ts',
  'test/bot/sample-file.test.ts',
  'test/files/convert/convert-file.test.ts',
  'test/demo/demo-plan-nudge.test.ts',
  'test/jobs/campaign-week.test.ts',
  'test/web/upload/upload-routes.test.ts',
  'test/web/dashboard-scope.test.ts',
];

function rank(spec: TestSpecification): number {
  const at = LONGEST_FIRST.findIndex((file) => spec.moduleId.endsWith(file));
  return at === -1 ? LONGEST_FIRST.length : at;
}

/**
 * Vitest's order (failed, then longest, by the durations it cached on this machine; larger files first
 * in a clean clone such as CI's), with the known longest files moved to the front.
 */
class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    // Array.prototype.sort is stable: the other files keep vitest's order.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    // Much of the suite waits (child processes, PGlite start-up): three workers on two cores finish
    // sooner than two.
    maxWorkers: 3,
    // A worker runs its test files one after another in one process: the modules they import (seconds
    // of loading per file) and the worker's PGlite (test/support/test-database.ts) are loaded once. The
    // tests keep no state in modules or globals; `vitest run --isolate` gives each file a new process
    // again, to rule that out when a failure depends on the order of the files.
    isolate: false,
    sequence: { sequencer: LongestFirstSequencer },
    // Tests wait on state, never on time, so these only catch hangs. They are sized for a busy 2-core
    // machine (two other processes spinning beside the suite), where a heavy test runs 2–3× slower.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/setup-env.ts'],
  },
});

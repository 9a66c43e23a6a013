// `npm run bench`: every benchmark of the project, one after the other, each printing its figures as
// ratios against a baseline measured in the same run (machines here are shared and noisy: seconds alone
// mean little). Runs in a fresh clone: data comes from reference/ and campaigns/, nothing from outside.
// BENCH_ONLY=files,check,reports,outbox,intake,routing,national,web runs a subset; BENCH_PROVINCES=N shortens the
// national one; BENCH_DATABASE_URL (or TEST_DATABASE_URL) adds PostgreSQL to the intake one.
// A benchmark that fails is reported and the others still run; the exit code is then 1.
import { loadavg } from 'node:os';
import { runIntakeBench } from './bot/intake.bench.js';
import { runRoutingBench } from './bot/routing.bench.js';
import { runCheckProcessBench } from './cli/check-process.bench.js';
import { runConvertBench } from './convert/convert.bench.js';
import { runInspectorBench } from './files/inspector.bench.js';
import { formatBroadcastReport, runBroadcastBench } from './outbox/broadcast.bench.js';
import { runNationalBench } from './reports/national.bench.js';
import { runRenderBench } from './reports/render.bench.js';
import { runWebBench } from './web/dashboard.bench.js';

const BENCHES: Record<string, { title: string; run: () => Promise<unknown> }> = {
  files: {
    title: 'sample-file inspector vs read+hash and pdfinfo (issue 4)',
    run: () => runInspectorBench(),
  },
  check: {
    title: '`sohoa check` as a whole process vs pdfinfo and sha256sum (issue 10)',
    run: () => runCheckProcessBench(),
  },
  reports: { title: 'rendering a province set of reports (issue 6)', run: () => runRenderBench() },
  outbox: {
    title: 'broadcast through the sender within Telegram limits (issue 5)',
    run: async () => console.log(formatBroadcastReport(await runBroadcastBench())),
  },
  intake: {
    title: 'updates handled per second vs a bare INSERT+COMMIT (issue 10)',
    run: () => runIntakeBench(),
  },
  routing: {
    title: 'reports handled serving two campaigns (sender looked up, half in both) vs one (issue 13)',
    run: () => runRoutingBench(),
  },
  convert: {
    title: 'photos and oversized scans → compliant PDFs vs Ghostscript /ebook and /screen (issue 18)',
    run: () => runConvertBench(),
  },
  national: {
    title:
      'every province on the map since 01/07/2025, one campaign each: evening packages + national comparison (issues 6, 13)',
    run: () => runNationalBench(),
  },
  web: {
    title: 'dashboard of a 549-commune province vs a static file, same server (issue 14)',
    run: () => runWebBench(),
  },
};

const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
const unknown = only?.filter((name) => !(name in BENCHES)) ?? [];
if (unknown.length > 0) {
  console.error(`BENCH_ONLY: no benchmark ${unknown.join(', ')} (have: ${Object.keys(BENCHES).join(', ')})`);
  process.exit(2);
}
const failed: string[] = [];
for (const [name, bench] of Object.entries(BENCHES)) {
  if (only && !only.includes(name)) continue;
  // The load average says how far the machine's noise may have moved the seconds (ratios move less).
  console.log(`\n=== ${name}: ${bench.title} (load average ${loadavg()[0]?.toFixed(1)}) ===`);
  try {
    await bench.run();
  } catch (error) {
    failed.push(name);
    console.log(`FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}
if (failed.length > 0) {
  console.log(`\nfailed: ${failed.join(', ')}`);
  process.exitCode = 1;
}

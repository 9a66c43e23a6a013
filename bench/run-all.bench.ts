// `npm run bench`: every benchmark of the project, one after the other. Each prints ratios against a
// baseline measured in the same run (machines here are shared and noisy: seconds alone mean little).
// BENCH_ONLY=files,reports,outbox,national runs a subset; BENCH_PROVINCES=N shortens the national one.
import { runInspectorBench } from './files/inspector.bench.js';
import { runBroadcastBench } from './outbox/broadcast.bench.js';
import { runNationalBench } from './reports/national.bench.js';
import { runRenderBench } from './reports/render.bench.js';

const BENCHES: Record<string, { title: string; run: () => Promise<unknown> }> = {
  files: {
    title: 'sample-file inspector vs read+hash and pdfinfo (issue 4)',
    run: () => runInspectorBench(),
  },
  reports: { title: 'rendering a province set of reports (issue 6)', run: () => runRenderBench() },
  outbox: {
    title: 'broadcast through the sender within Telegram limits (issue 5)',
    run: () => runBroadcastBench(),
  },
  national: {
    title: 'every province of Vietnam: data + charts + PDF (issue 6)',
    run: () => runNationalBench(),
  },
};

const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
for (const [name, bench] of Object.entries(BENCHES)) {
  if (only && !only.includes(name)) continue;
  console.log(`\n=== ${name}: ${bench.title} ===`);
  await bench.run();
}

// One thread of `sohoa check`'s pool (see check-worker-pool.ts): inspects the files it is sent and answers
// each batch with the verdicts, in the batch's order.
import { parentPort, workerData } from 'node:worker_threads';
import type { FileRules } from '../domain/file-rules.js';
import { checkFileOnDisk } from './check-file-reader.js';
import type { CheckBatch, CheckBatchResult } from './check-worker-pool.js';

const { rules, nowMs } = workerData as { rules: FileRules; nowMs: number };
const now = new Date(nowMs);
const port = parentPort;
if (port === null) throw new Error('check-worker runs only as a worker thread');

port.on('message', (batch: CheckBatch) => {
  void (async () => {
    const results: CheckBatchResult['results'][number][] = [];
    for (const file of batch.files) {
      try {
        results.push({ verdict: await checkFileOnDisk(file.path, file.size, rules, now) });
      } catch {
        results.push({ unreadable: true });
      }
    }
    port.postMessage({ first: batch.first, results } satisfies CheckBatchResult);
  })();
});

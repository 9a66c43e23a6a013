import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFileOnDisk } from '../../src/cli/check-file-reader.js';
import {
  PARALLEL_MIN_FILES,
  UnreadableFileError,
  inspectOnWorkers,
  workerCountFor,
} from '../../src/cli/check-worker-pool.js';
import { DEFAULT_FILE_RULES } from '../../src/files/file-rules.js';
import { makeOnePageScan } from '../files/support/scan-corpus.js';

const now = new Date('2025-03-10T03:00:00Z');

describe('the check worker pool', () => {
  it('gives the same verdicts as one thread, in the files’ order, and names an unreadable file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sohoa-pool-'));
    const scan = await makeOnePageScan(827, 1170);
    const files = Array.from({ length: 40 }, (_, index) => {
      const path = join(dir, index % 7 === 3 ? `bad name ${index}.pdf` : `KS.2020.01.${100 + index}.pdf`);
      writeFileSync(path, index % 5 === 4 ? Buffer.from('not a pdf') : scan);
      return { path, size: statSync(path).size };
    });
    const gone = { path: join(dir, 'KS.2020.01.999.pdf'), size: 10 };
    const pooled = inspectOnWorkers([...files, gone], DEFAULT_FILE_RULES, now, 2);
    const alone = await Promise.all(
      files.map((f) => checkFileOnDisk(f.path, f.size, DEFAULT_FILE_RULES, now)),
    );
    expect(await Promise.all(pooled.slice(0, files.length))).toEqual(alone);
    expect(new Set(alone.map((verdict) => verdict.status))).toEqual(new Set(['accepted', 'rejected']));
    await expect(pooled[files.length]).rejects.toBeInstanceOf(UnreadableFileError);
  });

  it('uses threads only for many files and idle cores', () => {
    expect(workerCountFor(PARALLEL_MIN_FILES - 1, 8, 0)).toBe(0);
    expect(workerCountFor(2000, 1, 0)).toBe(0);
    expect(workerCountFor(2000, 2, 0.2)).toBe(2);
    expect(workerCountFor(2000, 2, 1)).toBe(0);
    expect(workerCountFor(2000, 16, 0)).toBe(4);
  });
});

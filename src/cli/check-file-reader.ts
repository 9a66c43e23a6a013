import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { inspectFile } from '../files/file-inspector.js';
import type { FileRules } from '../domain/file-rules.js';
import type { FileVerdict } from '../domain/file-verdict.js';

// A sample bigger than this is rejected on size alone; reading its head is enough to say what it is.
const MAX_READ_BYTES = 64 * 1024 * 1024;
const HEAD_BYTES = 64 * 1024;

/**
 * Reads one sample file from disk and inspects it; throws only when the file cannot be read.
 *
 * Synchronous reads on purpose: `sohoa check` reads one file at a time per thread, a cached 100 KB scan
 * reads in microseconds, and fs/promises' readFile costs four thread-pool round trips per file (open,
 * stat, read, close) — over a folder of 2,000 scans that waiting was longer than the inspection itself.
 */
export async function checkFileOnDisk(
  path: string,
  size: number,
  rules: FileRules,
  now: Date,
): Promise<FileVerdict> {
  const bytes = size > MAX_READ_BYTES ? readHead(path) : readFileSync(path);
  return inspectFile({ name: path, bytes, size }, rules, now);
}

function readHead(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const bytesRead = readSync(fd, buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    closeSync(fd);
  }
}

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Why OCR cannot run here, or undefined when `tesseract` with Vietnamese is installed. */
export function ocrUnavailable(): string | undefined {
  const langs = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
  if (langs.error || langs.status !== 0) return 'tesseract is not installed (apt-get install tesseract-ocr)';
  if (!/^vie$/m.test(`${langs.stdout}\n${langs.stderr}`))
    return 'tesseract has no Vietnamese data (apt-get install tesseract-ocr-vie)';
  return undefined;
}

/** Text tesseract reads from an image (a block of text per page: --psm 6). */
export function ocrText(image: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'sohoa-ocr-'));
  try {
    const path = join(dir, 'page');
    writeFileSync(path, image);
    const run = spawnSync('tesseract', [path, '-', '-l', 'vie', '--psm', '6'], {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
    if (run.status !== 0) throw new Error(`tesseract failed: ${run.stderr}`);
    return run.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Letters, digits and single spaces only: ruled lines read as dashes and stray marks are not text.
function comparable(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .toLowerCase();
}

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = previous[0] ?? 0;
    previous[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = previous[j] ?? 0;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      previous[j] = Math.min(above + 1, (previous[j - 1] ?? 0) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return previous[b.length] ?? 0;
}

/** Character accuracy of a reading against the known text: 1 − edit distance / length, at least 0. */
export function characterAccuracy(known: string, read: string): number {
  const expected = comparable(known);
  return Math.max(0, 1 - editDistance(expected, comparable(read)) / expected.length);
}

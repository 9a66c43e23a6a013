import type { ConvertOutcome } from '../../domain/convert-outcome.js';
import { sniffFormat } from '../format-sniffer.js';
import { isSystemFile } from '../system-file-filter.js';
import { openZip } from '../zip-reader.js';
import { convertFile, type ConvertInput } from './convert-file.js';
import type { ConvertRules } from './convert-rules.js';
import { writeZip, type ZipFileEntry } from './zip-writer.js';

/** One file of a batch and what converting it gave; `path` is `archive.zip/entry` inside an archive. */
export interface BatchItem {
  readonly path: string;
  readonly outcome: ConvertOutcome;
}

/** A converted batch: every file's outcome, and a ZIP of the PDFs that came out. */
export interface BatchResult {
  readonly items: readonly BatchItem[];
  /** Converted and already compliant PDFs under their names (a repeated name gets "-2", "-3"…). */
  readonly zip: Buffer;
  /** Entries of an archive that could not be opened or extracted. */
  readonly unreadable: readonly string[];
}

/** The files of a list in which ZIP archives are opened (one level) and system files skipped. */
export function expandArchives(files: readonly ConvertInput[]): {
  inputs: ConvertInput[];
  unreadable: string[];
} {
  const inputs: ConvertInput[] = [];
  const unreadable: string[] = [];
  for (const file of files) {
    if (sniffFormat(file.bytes) !== 'zip') {
      inputs.push(file);
      continue;
    }
    const opened = openZip(file.bytes);
    if (!opened.ok) {
      unreadable.push(file.name);
      continue;
    }
    for (const entry of opened.entries()) {
      if (entry.name.endsWith('/') || isSystemFile(entry.name)) continue;
      if (entry.ok) inputs.push({ name: `${file.name}/${entry.name}`, bytes: entry.bytes });
      else unreadable.push(`${file.name}/${entry.name}`);
    }
  }
  return { inputs, unreadable };
}

/**
 * Converts a list of files (ZIP archives opened) one after another, reporting each as it finishes, and
 * packs the resulting PDFs into one ZIP. One file at a time keeps memory to one 12 MP photo.
 */
export async function convertBatch(
  files: readonly ConvertInput[],
  rules: ConvertRules,
  now: Date = new Date(),
  onItem?: (item: BatchItem, index: number, total: number) => void,
): Promise<BatchResult> {
  const { inputs, unreadable } = expandArchives(files);
  const items: BatchItem[] = [];
  for (const [index, input] of inputs.entries()) {
    const item = { path: input.name, outcome: await convertFile(input, rules, now) };
    items.push(item);
    onItem?.(item, index, inputs.length);
  }
  return { items, zip: writeZip(zipEntries(items)), unreadable };
}

/** The PDFs of a batch under unique names. */
export function zipEntries(items: readonly BatchItem[]): ZipFileEntry[] {
  const used = new Set<string>();
  const entries: ZipFileEntry[] = [];
  for (const { outcome } of items) {
    if (outcome.kind === 'refused') continue;
    entries.push({ name: uniqueName(outcome.name.name, used), bytes: outcome.pdf });
  }
  return entries;
}

/** `name`, or `name-2.pdf`, `name-3.pdf`… when taken (case-insensitively, as Windows sees names). */
export function uniqueName(name: string, used: Set<string>): string {
  const stem = name.replace(/\.pdf$/i, '');
  let candidate = name;
  for (let n = 2; used.has(candidate.toLowerCase()); n += 1) candidate = `${stem}-${n}.pdf`;
  used.add(candidate.toLowerCase());
  return candidate;
}

import { checkFileName, baseName } from './file-name-rule.js';
import type { FileRules } from '../domain/file-rules.js';
import { checkFileSize } from './file-size-rule.js';
import { verdictStatus, type FileVerdict, type Problem } from '../domain/file-verdict.js';
import { sniffFormat } from './format-sniffer.js';
import {
  DEFAULT_PDF_INSPECTION_LIMITS,
  inspectPdf,
  type PdfFindings,
  type PdfInspectionLimits,
} from './pdf-inspector.js';
import { problemFor } from '../messages/file-problem-messages.js';

/** One file to inspect. */
export interface InspectInput {
  /** File name as sent; folders before the last / or \ are ignored by the name rule. */
  readonly name: string;
  readonly bytes: Uint8Array;
  /** The real size when `bytes` holds only the beginning of a huge file (content checks are then skipped). */
  readonly size?: number;
}

/** Knobs for callers that need other bounds than the defaults (tests, benchmarks). */
export interface InspectOptions {
  readonly pdf?: PdfInspectionLimits;
  /** Larger files get name, size and format checks only; their size already rejects them. */
  readonly maxParseBytes?: number;
}

/** Default: structure checks for files up to 8 MiB (80× the default size limit). */
export const DEFAULT_MAX_PARSE_BYTES = 8 * 1024 * 1024;

/**
 * Inspects one sample file against the campaign rules and returns every problem found. Never throws:
 * whatever the bytes are, the answer is a verdict.
 */
export async function inspectFile(
  input: InspectInput,
  rules: FileRules,
  now: Date,
  options: InspectOptions = {},
): Promise<FileVerdict> {
  const name = baseName(input.name).normalize('NFC');
  const size = input.size ?? input.bytes.length;
  const problems: Problem[] = [...checkFileName(name, rules, now), ...checkFileSize(size, rules)];
  const format = sniffFormat(input.bytes);
  const base = { name, bytes: size, format };
  if (format !== 'pdf') {
    problems.push(problemFor.format(format));
    return { status: verdictStatus(problems), problems, ...base };
  }
  if (input.bytes.length < size || size > (options.maxParseBytes ?? DEFAULT_MAX_PARSE_BYTES)) {
    return { status: verdictStatus(problems), problems, ...base };
  }
  const findings = await inspectPdfSafely(input.bytes, rules, options.pdf ?? DEFAULT_PDF_INSPECTION_LIMITS);
  problems.push(...findings.problems);
  return {
    status: verdictStatus(problems),
    problems,
    ...base,
    ...(findings.pages === undefined ? {} : { pages: findings.pages }),
    ...(findings.dpi === undefined ? {} : { dpi: findings.dpi }),
  };
}

// The PDF path is written not to throw; this is the last line of defence (e.g. a stack overflow deep in
// pdf-lib on absurd nesting), so a bug becomes a "damaged" verdict rather than a crashed bulk check.
async function inspectPdfSafely(
  bytes: Uint8Array,
  rules: FileRules,
  limits: PdfInspectionLimits,
): Promise<PdfFindings> {
  try {
    return await inspectPdf(bytes, rules, limits);
  } catch {
    return { problems: [problemFor.pdfDamaged()] };
  }
}

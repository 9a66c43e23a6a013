import type { ProblemCode } from './problem-codes.js';
import type { SniffedFormat } from './sniffed-format.js';

/** An error rejects the file; a warning lets it through but asks the sender to look. */
export type ProblemSeverity = 'error' | 'warning';

/** One thing wrong with a file, with a Vietnamese sentence that says what and how to fix it. */
export interface Problem {
  readonly code: ProblemCode;
  readonly severity: ProblemSeverity;
  /** What was measured, e.g. the size in bytes or the dpi, when the check measures something. */
  readonly measured?: string | number;
  /** The limit it was measured against, in the same unit. */
  readonly limit?: string | number;
  readonly message: string;
}

/** The overall outcome: accepted (no problem), warnings (only warnings), rejected (at least one error). */
export type VerdictStatus = 'accepted' | 'warnings' | 'rejected';

/** The inspector's answer for one file: always data, never an exception. */
export interface FileVerdict {
  readonly status: VerdictStatus;
  /** Every problem found, in check order (name, size, format, structure, content). */
  readonly problems: readonly Problem[];
  /** The name that was checked (the base name, without folders). */
  readonly name: string;
  /** Size in bytes. */
  readonly bytes: number;
  /** What the bytes look like, when they could be sniffed. */
  readonly format?: SniffedFormat;
  /** Number of pages, when the PDF could be read. */
  readonly pages?: number;
  /** Lowest effective scan resolution over the pages, rounded down to one decimal. */
  readonly dpi?: number;
}

/** The status a list of problems adds up to. */
export function verdictStatus(problems: readonly Problem[]): VerdictStatus {
  if (problems.some((problem) => problem.severity === 'error')) return 'rejected';
  return problems.length > 0 ? 'warnings' : 'accepted';
}

/** A verdict together with the path it was given for (a file, a folder member, or `archive.zip/entry`). */
export interface PathVerdict {
  readonly path: string;
  readonly verdict: FileVerdict;
}

/** A verdict for something that could not be inspected at all (an unreadable archive or entry). */
export function verdictOf(name: string, bytes: number, problems: readonly Problem[]): FileVerdict {
  return { status: verdictStatus(problems), problems, name, bytes };
}

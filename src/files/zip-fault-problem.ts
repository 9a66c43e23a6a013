import type { Problem } from '../domain/file-verdict.js';
import { problemFor } from '../messages/file-problem-messages.js';
import type { ZipFault } from '../domain/zip-fault.js';

/** The problem an unreadable archive or archive entry reports, with its advice (the inspector's words). */
export function zipFaultProblem(fault: ZipFault, measured?: number, limit?: number): Problem {
  return problemFor.zip(fault, measured, limit);
}

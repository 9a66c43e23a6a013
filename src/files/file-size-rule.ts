import type { FileRules } from '../domain/file-rules.js';
import type { Problem } from '../domain/file-verdict.js';
import { problemFor } from '../messages/file-problem-messages.js';

/** Checks the size limit: exactly `maxBytes` passes, one byte more does not. An empty file is a format problem. */
export function checkFileSize(bytes: number, rules: FileRules): Problem[] {
  return bytes > rules.maxBytes ? [problemFor.sizeTooLarge(bytes, rules.maxBytes)] : [];
}

import { DEFAULT_CONVERT_STEPS, type ConvertSteps } from '../../domain/convert-steps.js';
import type { FileRules } from '../../domain/file-rules.js';
import { DEFAULT_FILE_RULES } from '../file-rules.js';

/** What a conversion must meet (the inspector's rules) and which clean-up steps it may run. */
export interface ConvertRules extends FileRules {
  readonly steps: ConvertSteps;
}

/** The default file rules with every step on. */
export const DEFAULT_CONVERT_RULES: ConvertRules = Object.freeze({
  ...DEFAULT_FILE_RULES,
  steps: DEFAULT_CONVERT_STEPS,
});

/** Convert rules from file rules and a campaign's steps (absent steps: all on). */
export function convertRulesOf(rules: FileRules, steps: ConvertSteps | undefined): ConvertRules {
  return { ...rules, steps: steps ?? DEFAULT_CONVERT_STEPS };
}

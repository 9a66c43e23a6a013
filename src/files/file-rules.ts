import type { FileRules } from '../domain/file-rules.js';
import { DEFAULT_TYPE_CODES } from '../messages/campaign-init-messages.js';

export type { FileRules } from '../domain/file-rules.js';

/** The defaults DESIGN.md §4 names; a campaign may override each. */
export const DEFAULT_FILE_RULES: FileRules = Object.freeze({
  maxBytes: 102_400,
  // The same list a scaffolded campaign.json is written with.
  typeCodes: Object.freeze({ ...DEFAULT_TYPE_CODES }),
  minDpi: 100,
  minYear: 1900,
  blankInkPercent: 0.1,
});

import { CASE_NAME_PARTS, readCaseFileName, type CaseNameParts } from '../../domain/case-file-name.js';
import type { FileRules } from '../../domain/file-rules.js';
import type { ConvertedName } from '../../domain/convert-outcome.js';

const CAMERA_NAME =
  /^(img|dsc|dscn|dcim|pxl|mvimg|photo|image|screenshot|scan|cam|wp|anh|zalo)[\s_-]*\d[\d_-]*(\.\w+)?$/i;

/** The rule's name for a case whose four parts are known: `KS.2010.01.015.pdf`. */
export function ruleFileName(parts: Required<CaseNameParts>): string {
  return `${parts.type}.${parts.year}.${parts.book}.${parts.number}.pdf`;
}

/**
 * The converted file's name: read from the caption first (what the person typed with the photo), then
 * from the original file name; a part the caption lacks may come from the file name. When parts are
 * still missing, the original's stem stands in until the person gives them.
 */
export function convertedName(
  original: string,
  caption: string | undefined,
  rules: Pick<FileRules, 'typeCodes' | 'minYear'>,
  now: Date,
): ConvertedName {
  const nameRules = { typeCodes: rules.typeCodes, minYear: rules.minYear, maxYear: now.getUTCFullYear() };
  const base = original.split(/[/\\]/).at(-1) ?? original;
  // A camera's own name (IMG_2041.jpg) numbers photos, not cases: its digits would make a wrong name.
  const fromName = CAMERA_NAME.test(base) ? {} : readCaseFileName(original, nameRules);
  const fromCaption = caption === undefined ? {} : readCaseFileName(caption, nameRules);
  const known: CaseNameParts = { ...fromName, ...fromCaption };
  return nameFromParts(known, original);
}

/** The name for parts read so far: by the rule when all four are there, else what is missing. */
export function nameFromParts(known: CaseNameParts, original: string): ConvertedName {
  const missing = CASE_NAME_PARTS.filter((part) => known[part] === undefined);
  const { type, year, book, number } = known;
  if (type !== undefined && year !== undefined && book !== undefined && number !== undefined) {
    return { kind: 'rule', name: ruleFileName({ type, year, book, number }) };
  }
  const base = original.split(/[/\\]/).at(-1) ?? original;
  const stem = base.replace(/\.[A-Za-z0-9]{1,5}$/, '') || 'ho-so';
  return { kind: 'incomplete', name: `${stem}.pdf`, known, missing };
}

import type { FileRules } from '../domain/file-rules.js';
import type { Problem } from '../domain/file-verdict.js';
import { CASE_NAME_PARTS, readCaseFileName } from '../domain/case-file-name.js';
import { NAME_PLACEHOLDERS, problemFor, type NameAdvice } from '../messages/file-problem-messages.js';

/** The parts of a well-formed sample name `<TYPE>.<YYYY>.<BOOK>.<NO>.pdf`. */
export interface CaseFileName {
  readonly type: string;
  readonly year: number;
  readonly book: string;
  readonly number: string;
}

// Registration years are judged in the campaign's zone (Asia/Ho_Chi_Minh): on 1 January at 06:00 in Hà Nội
// it is already the new year there while UTC still says the old one. Vietnam has kept UTC+7 without daylight
// saving since 1975, so a fixed offset gives the same answer as Intl at a fraction of the cost per file.
const CAMPAIGN_UTC_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The calendar year at `now` in the campaign's time zone. */
export function campaignYear(now: Date): number {
  return new Date(now.getTime() + CAMPAIGN_UTC_OFFSET_MS).getUTCFullYear();
}

/** The last path segment, whether the path uses / (ZIP entries) or \ (Windows). */
export function baseName(path: string): string {
  return path.split(/[/\\]/).at(-1) ?? path;
}

/** Checks a file name against the campaign rule and returns every problem found. */
export function checkFileName(name: string, rules: FileRules, now: Date): Problem[] {
  const base = baseName(name).normalize('NFC');
  // Built only when a problem needs it: most names are fine and this runs once per file in bulk checks.
  const example = () => adviseFileName(base, rules, now);
  const problems: Problem[] = [];
  const { stem, extension } = splitExtension(base);
  if (extension.toLowerCase() !== '.pdf') problems.push(problemFor.nameExtension(base, example()));
  const parts = stem.split('.');
  const [type, year, book, number] = parts;
  if (
    parts.length !== 4 ||
    type === undefined ||
    year === undefined ||
    book === undefined ||
    number === undefined ||
    parts.some((part) => part === '')
  ) {
    problems.push(problemFor.namePattern(base, example()));
    return problems;
  }
  if (!Object.hasOwn(rules.typeCodes, type))
    problems.push(problemFor.nameTypeUnknown(type, rules.typeCodes, example()));
  if (!/^\d{4}$/.test(year)) {
    problems.push(problemFor.nameYearFormat(year, example()));
  } else {
    const value = Number(year);
    const current = campaignYear(now);
    if (value > current) problems.push(problemFor.nameYearFuture(value, current, example()));
    if (value < rules.minYear) problems.push(problemFor.nameYearTooOld(value, rules.minYear, example()));
  }
  if (!/^\d{2,}$/.test(book)) problems.push(problemFor.nameBookFormat(book, example()));
  if (!/^\d{3,}$/.test(number)) problems.push(problemFor.nameNumberFormat(number, example()));
  return problems;
}

/** The parts of a name that passes every name check, or undefined. */
export function parseCaseFileName(name: string, rules: FileRules, now: Date): CaseFileName | undefined {
  if (checkFileName(name, rules, now).length > 0) return undefined;
  const [type = '', year = '', book = '', number = ''] = splitExtension(
    baseName(name).normalize('NFC'),
  ).stem.split('.');
  return { type, year: Number(year), book, number };
}

/**
 * A corrected name built from what the sender's name already says, so the advice keeps their data:
 * `Khai tu 241 (2009).pdf` → `KT.2009.<quyển>.241.pdf`, `ks_2010-1-1.PDF` → `KS.2010.01.001.pdf`. Only the
 * parts the name does not say get a placeholder, and `missing` names them.
 */
export function adviseFileName(name: string, rules: FileRules, now: Date): NameAdvice {
  const parts = readCaseFileName(baseName(name), {
    typeCodes: rules.typeCodes,
    minYear: rules.minYear,
    maxYear: campaignYear(now),
  });
  const missing = CASE_NAME_PARTS.filter((part) => parts[part] === undefined);
  const [type, year, book, number] = CASE_NAME_PARTS.map((part) =>
    parts[part] === undefined ? NAME_PLACEHOLDERS[part] : String(parts[part]),
  );
  return { name: `${type}.${year}.${book}.${number}.pdf`, missing };
}

/** The suggested name alone (see adviseFileName). */
export function suggestFileName(name: string, rules: FileRules, now: Date): string {
  return adviseFileName(name, rules, now).name;
}

function splitExtension(base: string): { stem: string; extension: string } {
  const dot = base.lastIndexOf('.');
  const extension = dot >= 0 ? base.slice(dot) : '';
  // Only something that looks like an extension is cut off; "KS.2010.01.001" keeps its last part.
  if (/^\.(pdf|[A-Za-z][A-Za-z0-9]{0,4})$/i.test(extension)) return { stem: base.slice(0, dot), extension };
  return { stem: base, extension: '' };
}

import { foldWord, normalizeText } from './text-normalize.js';

/** What a file name already says about its case; a part it does not say (or says wrongly) is absent. */
export interface CaseNameParts {
  /** A type code of the campaign, e.g. 'KT'. */
  readonly type?: string;
  readonly year?: number;
  /** The book number, zero-padded to two digits. */
  readonly book?: string;
  /** The case number in the book, zero-padded to three digits. */
  readonly number?: string;
}

/** The parts of a case file name, in the order the rule writes them. */
export const CASE_NAME_PARTS = ['type', 'year', 'book', 'number'] as const;

/** One of the four parts. */
export type CaseNamePart = (typeof CASE_NAME_PARTS)[number];

/** What reading a name needs from the campaign: its type list and the years a registration may have. */
export interface CaseNameRules {
  readonly typeCodes: Readonly<Record<string, string>>;
  readonly minYear: number;
  readonly maxYear: number;
}

type Token =
  | { kind: 'word'; fold: string; lower: string }
  | { kind: 'number'; digits: string; marked?: 'year' | 'book' | 'number' };

// Words that say which number follows: 'q1', 'quyển 2', 'số 15', 'stt 7', 'năm 2010'. 'sổ' is the book
// and 'số' the number; a bare 'so' is read as 'số', as people write "q1 so 15".
const MARKERS: ReadonlyArray<readonly [string, 'year' | 'book' | 'number']> = [
  ['q', 'book'],
  ['quyen', 'book'],
  ['cuon', 'book'],
  ['nam', 'year'],
  ['stt', 'number'],
  ['tt', 'number'],
  ['no', 'number'],
  ['so', 'number'],
];

function tokensOf(stem: string): Token[] {
  return [...normalizeText(stem).matchAll(/\p{L}[\p{L}\p{M}]*|\d+/gu)].map(([text]) =>
    /^\d/.test(text)
      ? { kind: 'number', digits: text }
      : { kind: 'word', fold: foldWord(text), lower: text.toLowerCase() },
  );
}

/** Each type's ways of being written, as folded word lists, longest first: its code, its name, its head. */
function typeSpellings(typeCodes: Readonly<Record<string, string>>): { code: string; words: string[] }[] {
  const spellings = Object.entries(typeCodes).flatMap(([code, label]) => {
    const words = (text: string) => (text.match(/\p{L}[\p{L}\p{M}]*/gu) ?? []).map(foldWord);
    const full = words(label);
    // 'Nhận cha, mẹ, con' is also written 'Nhận cha mẹ con' and 'nhan cha'; 'khaisinh' without a space.
    const head = words(label.split(',')[0] ?? '');
    return [[foldWord(code)], full, head, [full.join('')]].map((w) => ({ code, words: w }));
  });
  return spellings.filter((s) => s.words.length > 0).sort((a, b) => b.words.length - a.words.length);
}

function findType(
  tokens: Token[],
  rules: CaseNameRules,
): { code: string; at: number; length: number } | undefined {
  const spellings = typeSpellings(rules.typeCodes);
  for (let at = 0; at < tokens.length; at += 1) {
    const found = spellings.find((s) =>
      s.words.every((word, k) => {
        const token = tokens[at + k];
        return token?.kind === 'word' && token.fold === word;
      }),
    );
    if (found) return { code: found.code, at, length: found.words.length };
  }
  return undefined;
}

/**
 * Reads what a file name says about its case, whatever its shape: 'Khai tu 241 (2009).pdf' → type KT,
 * year 2009, number 241 (no book); 'Khai sinh 2010 q1 so 15' → KS, 2010, book 01, number 015;
 * 'ks_2010-1-1.PDF' → KS, 2010, 01, 001. Type words are matched with or without diacritics, in any
 * case, against the campaign's own type list. A lone number besides the year is the case number.
 */
export function readCaseFileName(name: string, rules: CaseNameRules): CaseNameParts {
  const base = name.split(/[/\\]/).at(-1) ?? name;
  const stem = base.replace(/\.(pdf|[A-Za-z][A-Za-z0-9]{0,4})$/i, '');
  const tokens = tokensOf(stem);
  const type = findType(tokens, rules);
  const rest = tokens.filter((_, i) => !type || i < type.at || i >= type.at + type.length);
  rest.forEach((token, i) => {
    const next = rest[i + 1];
    if (token.kind !== 'word' || next?.kind !== 'number') return;
    // 'sổ' (with its hook) is the book; 'số' and a bare 'so' the case number.
    const marker = token.lower === 'sổ' ? 'book' : MARKERS.find(([word]) => word === token.fold)?.[1];
    if (marker) next.marked = marker;
  });
  const numbers = rest.filter((t): t is Extract<Token, { kind: 'number' }> => t.kind === 'number');
  const inRange = (t: { digits: string }) =>
    /^\d{4}$/.test(t.digits) && Number(t.digits) >= rules.minYear && Number(t.digits) <= rules.maxYear;
  const yearToken =
    numbers.find((t) => t.marked === 'year') ??
    numbers.find((t) => !t.marked && inRange(t)) ??
    // A four-digit number that cannot be a registration year is still the year, written wrongly.
    numbers.find((t) => !t.marked && /^[12]\d{3}$/.test(t.digits));
  const unmarked = numbers.filter((t) => t !== yearToken && !t.marked);
  // Without a four-digit year, three numbers most likely start with a year written short ('10').
  if (!yearToken && unmarked.length >= 3) unmarked.shift();
  let book = numbers.find((t) => t.marked === 'book')?.digits;
  let number = numbers.find((t) => t.marked === 'number')?.digits;
  if (book === undefined && number === undefined && unmarked.length === 1) number = unmarked[0]?.digits;
  else {
    if (book === undefined) book = unmarked.shift()?.digits;
    if (number === undefined) number = unmarked.shift()?.digits;
  }
  const year = yearToken && inRange(yearToken) ? Number(yearToken.digits) : undefined;
  return {
    ...(type ? { type: type.code } : {}),
    ...(year === undefined ? {} : { year }),
    ...(book === undefined ? {} : { book: book.padStart(2, '0') }),
    ...(number === undefined ? {} : { number: number.padStart(3, '0') }),
  };
}

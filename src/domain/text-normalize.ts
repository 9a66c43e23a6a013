// Vietnamese chat text arrives in many shapes: NFC or NFD (some keyboards send decomposed letters), with
// or without diacritics, with numbers grouped by dots, commas or spaces. These helpers make it comparable.

const COMBINING_MARKS = /\p{M}/gu;
// Text that went through Windows-1258 and back as Latin-1 shows Đ/đ as the Icelandic eth (Ð/ð); some
// fonts offer the African D (Ɖ/ɖ) instead. They all mean Đ/đ.
const LOOKALIKE_D: Record<string, string> = { Ð: 'Đ', ð: 'đ', Ɖ: 'Đ', ɖ: 'đ' };

/** NFC text with look-alike letters for Đ/đ replaced by the real ones. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/[ÐðƉɖ]/g, (ch) => LOOKALIKE_D[ch] ?? ch);
}

/** A word in lower case without diacritics: 'Đính' → 'dinh'. */
export function foldWord(word: string): string {
  return normalizeText(word).toLowerCase().normalize('NFD').replace(COMBINING_MARKS, '').replace(/đ/g, 'd');
}

/** The diacritics of a word: its combining marks, plus 'đ' for the stroke (which Unicode does not decompose). */
export function diacriticsOf(word: string): Set<string> {
  const lower = normalizeText(word).toLowerCase();
  const marks = new Set(lower.normalize('NFD').match(COMBINING_MARKS) ?? []);
  if (lower.includes('đ')) marks.add('đ');
  return marks;
}

interface WordShape {
  fold: string;
  marks: ReadonlySet<string>;
}
// Matching tries every alias at every typed word, and normalising is the slow part: remember the shapes
// (a transparent memo, emptied when full since chat text is unbounded).
const shapes = new Map<string, WordShape>();
function shapeOf(word: string): WordShape {
  let shape = shapes.get(word);
  if (!shape) {
    if (shapes.size >= 10_000) shapes.clear();
    shape = { fold: foldWord(word), marks: diacriticsOf(word) };
    shapes.set(word, shape);
  }
  return shape;
}

/**
 * True when a typed word is a spelling of a known word: same letters, and every diacritic typed is one the
 * known word has. Typing fewer diacritics is fine ('so' for 'sổ'); different ones are a different word
 * ('số' — "number" — is not 'sổ' — "book").
 */
export function spellsWord(typed: string, known: string): boolean {
  const typedShape = shapeOf(typed);
  const knownShape = shapeOf(known);
  return (
    typedShape.fold === knownShape.fold && [...typedShape.marks].every((mark) => knownShape.marks.has(mark))
  );
}

/** How a typed number reads: a whole count, a decimal (not a count), or not a number. */
export type NumberReading = { kind: 'whole'; value: number } | { kind: 'decimal' } | { kind: 'malformed' };

// Thousands groups use one separator throughout: '1.540', '1,540', '1 540', '12.345.678'.
const GROUPED = [
  /^[1-9]\d{0,2}(?:\.\d{3})+$/,
  /^[1-9]\d{0,2}(?:,\d{3})+$/,
  /^[1-9]\d{0,2}(?:[ \u00A0\u202F]\d{3})+$/,
];
// '12,5', '1.5', '1.540,5' (Vietnamese), '1,540.5' (English).
const DECIMAL = /^(?:\d+|[1-9]\d{0,2}(?:\.\d{3})+(?=,)|[1-9]\d{0,2}(?:,\d{3})+(?=\.))[.,]\d+$/;

/** Reads an unsigned count written Vietnamese style: '1.540', '1,540' and '1 540' are all 1540. */
export function readCount(text: string): NumberReading {
  if (/^\d+$/.test(text) || GROUPED.some((pattern) => pattern.test(text))) {
    return { kind: 'whole', value: Number(text.replace(/\D/g, '')) };
  }
  return DECIMAL.test(text) ? { kind: 'decimal' } : { kind: 'malformed' };
}

/** A calendar day without a year, or with one when the sender wrote it. */
export interface DayMonth {
  day: number;
  month: number;
  year?: number;
}

const DAY_MONTH = /^(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}|\d{2}))?$/;

/** Reads 'dd/mm' or 'dd/mm/yyyy' (also with '.' or '-', two-digit years as 20yy); null if not a real date. */
export function readDayMonth(text: string): DayMonth | null {
  const match = DAY_MONTH.exec(text);
  if (!match) return null;
  const day = Number(match[1]);
  const month = Number(match[3]);
  const yearText = match[4];
  const year =
    yearText === undefined ? undefined : Number(yearText.length === 2 ? `20${yearText}` : yearText);
  // Without a year, 29/02 may still be right: the caller resolves the year.
  const lastDay = new Date(Date.UTC(year ?? 2024, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > lastDay) return null;
  return year === undefined ? { day, month } : { day, month, year };
}

/** A typed word or number, with its place in the text so that what was typed can be quoted back. */
export type TextToken =
  | { kind: 'word'; text: string; start: number; end: number }
  | {
      kind: 'number';
      text: string;
      digits: string;
      negative: boolean;
      percent: boolean;
      start: number;
      end: number;
    };

// A word; or a number — space-grouped thousands ('1 540') first, then digits joined by . , / - ('1.540',
// '10/03') — with a minus only when it stands apart ('nhập -5', 'so=-5', not 'so-5'), and an optional '%'.
const TOKEN =
  /(\p{L}[\p{L}\p{M}]*)|((?:(?<=^|[\s=:(])[-−–])?(?:\d{1,3}(?:[ \u00A0\u202F]\d{3}(?!\d|[.,]\d))+|\d+(?:[.,/-]\d+)*))(\s?%)?/gu;

/** Splits text into words and numbers; everything else (punctuation, spaces, emoji) only separates them. */
export function tokenize(text: string): TextToken[] {
  return [...text.matchAll(TOKEN)].map((m): TextToken => {
    const [all, word, number, percent] = m;
    const place = { text: all, start: m.index, end: m.index + all.length };
    if (word !== undefined) return { kind: 'word', ...place };
    const negative = /^[-−–]/.test(number ?? '');
    const digits = (number ?? '').replace(/^[-−–]/, '');
    return { kind: 'number', ...place, digits, negative, percent: percent !== undefined };
  });
}

/** A known phrase of one or more words (lower case, NFC) and what it stands for. */
export interface KnownPhrase<T> {
  words: readonly string[];
  meaning: T;
}

// Words of one phrase may be apart by spaces, '-' or '_' ('dinh kem', 'dinh-kem'), not by a comma or a line.
const PHRASE_GAP = /^[ \t\u00A0_-]+$/;

/**
 * The first of `phrases` (give the longest first) spelled by the words from `tokens[at]`. Phrases whose
 * typed diacritics agree win; only then does a phrase listed without diacritics accept any ('sổ' for a
 * campaign that lists only 'so').
 */
export function phraseAt<T>(
  text: string,
  tokens: readonly TextToken[],
  at: number,
  phrases: readonly KnownPhrase<T>[],
): KnownPhrase<T> | undefined {
  const spells = (k: number, known: string, strict: boolean): boolean => {
    const token = tokens[at + k];
    if (token?.kind !== 'word') return false;
    if (k > 0 && !PHRASE_GAP.test(text.slice(tokens[at + k - 1]?.end, token.start))) return false;
    if (spellsWord(token.text, known)) return true;
    return !strict && shapeOf(known).marks.size === 0 && shapeOf(token.text).fold === shapeOf(known).fold;
  };
  for (const strict of [true, false]) {
    const found = phrases.find((phrase) => phrase.words.every((word, k) => spells(k, word, strict)));
    if (found) return found;
  }
  return undefined;
}

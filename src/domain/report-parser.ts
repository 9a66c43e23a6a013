import type { CampaignFile, MetricCode } from './campaign-file.js';
import { normalizeText, phraseAt, readCount, readDayMonth, tokenize } from './text-normalize.js';
import type { DayMonth, KnownPhrase, TextToken } from './text-normalize.js';

/** What a report can state: one of the metrics, the report's date, or the commune it is for. */
export type ReportField = MetricCode | 'date' | 'unit';

/** Larger than any commune's cumulative count: such a number is a typo (digits run together). */
export const MAX_FIGURE = 10_000_000;

/** A mistake in a report message, as data; `label` and `text` are quoted exactly as the sender typed them. */
export type ParseProblem =
  | { code: 'unknown_label'; text: string; value?: string }
  | { code: 'missing_value'; field: ReportField; label: string; found?: string }
  | { code: 'number_without_label'; text: string }
  | { code: 'negative_number'; metric: MetricCode; label: string; text: string }
  | { code: 'not_whole_number'; metric: MetricCode; label: string; text: string }
  | { code: 'not_a_number'; metric: MetricCode; label: string; text: string }
  | { code: 'too_large'; metric: MetricCode; label: string; value: number; limit: number }
  | { code: 'duplicate_metric'; metric: MetricCode; values: number[] }
  | { code: 'invalid_value'; field: 'date' | 'unit'; label: string; text: string }
  | { code: 'duplicate_value'; field: 'date' | 'unit'; values: string[] };

/** The figures, date and commune a `/baocao` message states, and what was wrong with it. */
export interface ParsedReport {
  figures: Partial<Record<MetricCode, number>>;
  problems: ParseProblem[];
  /** The report's date as written; the caller resolves a missing year. */
  date?: DayMonth;
  /** A commune code, when a coordinator reports for a commune. */
  unitCode?: string;
  /** True when nothing followed the command: the sender wants to know how to report. */
  empty: boolean;
}

// 'skip': units after a count and filler around labels ('quét 1540 hồ sơ', 'số trường hợp đã nhập là 1320').
type Meaning = ReportField | 'skip';
const SPECIAL_WORDS: ReadonlyArray<readonly [Meaning, readonly string[]]> = [
  ['date', ['ngày']],
  ['unit', ['xã', 'mã', 'mã xã', 'mã đơn vị', 'đơn vị']],
  ['skip', ['quyển', 'cuốn', 'hồ sơ', 'hs', 'trường hợp', 'th', 'tệp', 'file', 'bản']],
  ['skip', ['số', 'số lượng', 'đã', 'được', 'là', 'và', 'báo cáo']],
];
const COMMAND = /^\s*\/baocao(?:@\w+)?(?![\p{L}\p{N}_])/iu;
// '1. Sổ: 12' — a numbered list, not a number without a label.
const LIST_MARKER = /^([ \t]*)[1-9][.)](?=[ \t]+\p{L})/gmu;
const UNKNOWN_GAP = /^[ \t\u00A0]+$/;

const vocabularies = new WeakMap<CampaignFile['metrics'], KnownPhrase<Meaning>[]>();

/** The metrics' aliases and short names plus the special words, longest phrases first. */
function vocabularyOf(metrics: CampaignFile['metrics']): KnownPhrase<Meaning>[] {
  const cached = vocabularies.get(metrics);
  if (cached) return cached;
  const phrases = [
    ...metrics.flatMap((m) => [...m.aliases, m.short].map((alias) => [m.code, alias] as const)),
    ...SPECIAL_WORDS.flatMap(([meaning, words]) => words.map((word) => [meaning, word] as const)),
  ].map(([meaning, alias]) => ({
    meaning,
    words: normalizeText(alias.trim())
      .toLowerCase()
      .split(/[\s_-]+/),
  }));
  // A stable sort: at equal length the metrics, listed first, win over the special words.
  phrases.sort((a, b) => b.words.length - a.words.length);
  vocabularies.set(metrics, phrases);
  return phrases;
}

type Item =
  | { kind: 'label'; field: ReportField; text: string }
  | { kind: 'unknown'; text: string }
  | Extract<TextToken, { kind: 'number' }>;

/** Numbers, and words read as labels; words that are no label join into one unknown label ('Hải Lăng'). */
function itemsOf(text: string, vocabulary: KnownPhrase<Meaning>[]): Item[] {
  const tokens = tokenize(text);
  const items: Item[] = [];
  for (let i = 0; i < tokens.length;) {
    const token = tokens[i] as TextToken;
    const phrase = token.kind === 'word' ? phraseAt(text, tokens, i, vocabulary) : undefined;
    const count = phrase?.words.length ?? 1;
    const typed = text.slice(token.start, tokens[i + count - 1]?.end);
    const gap = text.slice(tokens[i - 1]?.end ?? 0, token.start);
    const last = items.at(-1);
    if (token.kind === 'number') items.push(token);
    else if (phrase) {
      if (phrase.meaning !== 'skip') items.push({ kind: 'label', field: phrase.meaning, text: typed });
    } else if (last?.kind === 'unknown' && UNKNOWN_GAP.test(gap)) last.text += gap + typed;
    else items.push({ kind: 'unknown', text: typed });
    i += count;
  }
  return items;
}

/** Reads the figures of a `/baocao` message; never throws — every mistake becomes a ParseProblem. */
export function parseReportText(text: string, metrics: CampaignFile['metrics']): ParsedReport {
  const body = normalizeText(text).replace(COMMAND, '').replace(LIST_MARKER, '$1 ');
  const items = itemsOf(body, vocabularyOf(metrics));
  const problems: ParseProblem[] = [];
  const figures: Partial<Record<MetricCode, number>> = {};
  const result: ParsedReport = { figures, problems, empty: items.length === 0 };
  const metricClashes = new Map<MetricCode, Extract<ParseProblem, { code: 'duplicate_metric' }>>();
  type Clash = Extract<ParseProblem, { code: 'duplicate_value' }>;
  const specials = new Map<'date' | 'unit', { key: string; typed: string; clash?: Clash }>();

  const setMetric = (metric: MetricCode, value: number): void => {
    const clash = metricClashes.get(metric);
    const earlier = figures[metric];
    if (clash) {
      if (!clash.values.includes(value)) clash.values.push(value);
    } else if (earlier === undefined) {
      figures[metric] = value;
    } else if (earlier !== value) {
      // Two different counts for one metric: we cannot tell which is meant, so keep neither.
      const problem = { code: 'duplicate_metric' as const, metric, values: [earlier, value] };
      metricClashes.set(metric, problem);
      problems.push(problem);
      delete figures[metric];
    }
  };
  const setSpecial = (field: 'date' | 'unit', key: string, typed: string, apply: () => void): void => {
    const earlier = specials.get(field);
    if (!earlier) {
      specials.set(field, { key, typed });
      apply();
    } else if (earlier.key !== key) {
      if (!earlier.clash) {
        earlier.clash = { code: 'duplicate_value', field, values: [earlier.typed] };
        problems.push(earlier.clash);
        // As with metrics: two different dates or communes, and we cannot tell which is meant.
        if (field === 'date') delete result.date;
        else delete result.unitCode;
      }
      if (!earlier.clash.values.includes(typed)) earlier.clash.values.push(typed);
    }
  };
  const setDate = (date: DayMonth, typed: string): void =>
    setSpecial('date', `${date.day}/${date.month}/${date.year ?? ''}`, typed, () => (result.date = date));

  let pending: Extract<Item, { kind: 'label' }> | undefined;
  let lastUnknown: Extract<ParseProblem, { code: 'unknown_label' }> | undefined;
  for (const item of items) {
    const label = pending;
    pending = undefined;
    if (item.kind === 'label') {
      if (label) problems.push({ code: 'missing_value', field: label.field, label: label.text });
      pending = item;
      lastUnknown = undefined;
      continue;
    }
    if (item.kind === 'unknown') {
      if (label)
        problems.push({ code: 'missing_value', field: label.field, label: label.text, found: item.text });
      else problems.push((lastUnknown = { code: 'unknown_label', text: item.text }));
      continue;
    }
    if (label?.field === 'date') {
      const date = item.negative ? null : readDayMonth(item.digits);
      if (date) setDate(date, item.text);
      else problems.push({ code: 'invalid_value', field: 'date', label: label.text, text: item.text });
    } else if (label?.field === 'unit') {
      if (/^\d+$/.test(item.text))
        setSpecial('unit', item.text, item.text, () => (result.unitCode = item.text));
      else problems.push({ code: 'invalid_value', field: 'unit', label: label.text, text: item.text });
    } else if (label) {
      const reading = readCount(item.digits);
      const about = { metric: label.field, label: label.text };
      if (item.negative) problems.push({ code: 'negative_number', ...about, text: item.text });
      else if (item.percent || reading.kind === 'malformed') {
        problems.push({ code: 'not_a_number', ...about, text: item.text });
      } else if (reading.kind === 'decimal')
        problems.push({ code: 'not_whole_number', ...about, text: item.text });
      else if (reading.value > MAX_FIGURE) {
        problems.push({ code: 'too_large', ...about, value: reading.value, limit: MAX_FIGURE });
      } else setMetric(label.field, reading.value);
    } else if (lastUnknown) {
      lastUnknown.value = item.text; // 'scam 12': the number belongs to the label we could not read
    } else {
      // A bare '10/03' is the date; without a slash a bare number is a count whose label is missing.
      const date = item.digits.includes('/') && !item.negative ? readDayMonth(item.digits) : null;
      if (date) setDate(date, item.text);
      else problems.push({ code: 'number_without_label', text: item.text });
    }
    lastUnknown = undefined;
  }
  if (pending) problems.push({ code: 'missing_value', field: pending.field, label: pending.text });
  return result;
}

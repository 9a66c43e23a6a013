import { readDayMonth, type DayMonth } from './text-normalize.js';

/** The days a typed date may name: the campaign's first and last day, and today (all YYYY-MM-DD). */
export interface DateWindow {
  readonly start: string;
  readonly end: string;
  readonly today: string;
}

/**
 * A typed date resolved inside a campaign, as data: the date, or why it is refused with the allowed range
 * (`earliest`..`latest`, the campaign's start to the earlier of today and its end).
 */
export type TypedDate =
  | { readonly kind: 'date'; readonly date: string }
  | { readonly kind: 'invalid' }
  | {
      readonly kind: 'future' | 'before_campaign' | 'after_campaign';
      readonly date: string;
      readonly earliest: string;
      readonly latest: string;
      readonly today: string;
    };

const pad = (n: number) => String(n).padStart(2, '0');
const isoOf = (year: number, d: DayMonth) => `${year}-${pad(d.month)}-${pad(d.day)}`;

/** True when the ISO date exists (29/02 only in leap years). */
function isRealDate(iso: string): boolean {
  const check = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(check.getTime()) && check.toISOString().slice(0, 10) === iso;
}

/**
 * Resolves what a person typed ('12/03', '05/03/2025', or an already read DayMonth) inside the campaign's
 * window. A day/month takes the campaign's year — the year in which it falls inside the campaign, so a
 * December–January campaign works — never "the most recent such day", which put 12/03 typed on 10/03/2025
 * in 2024. Days after today and days outside the campaign are refused with the range that is allowed.
 */
export function resolveTypedDate(typed: string | DayMonth, window: DateWindow): TypedDate {
  const written = typeof typed === 'string' ? readDayMonth(typed.trim()) : typed;
  if (!written) return { kind: 'invalid' };
  const startYear = Number(window.start.slice(0, 4));
  const endYear = Number(window.end.slice(0, 4));
  let date: string;
  if (written.year !== undefined) {
    date = isoOf(written.year, written);
  } else {
    const years = Array.from({ length: Math.max(1, endYear - startYear + 1) }, (_, i) => startYear + i);
    const inside = years
      .map((year) => isoOf(year, written))
      .find((iso) => iso >= window.start && iso <= window.end);
    date = inside ?? isoOf(startYear, written);
  }
  if (!isRealDate(date)) return { kind: 'invalid' };
  const latest = window.today < window.end ? window.today : window.end;
  const range = { date, earliest: window.start, latest, today: window.today };
  if (date > window.today) return { kind: 'future', ...range };
  if (date < window.start) return { kind: 'before_campaign', ...range };
  if (date > window.end) return { kind: 'after_campaign', ...range };
  return { kind: 'date', date };
}

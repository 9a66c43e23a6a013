// Vietnamese number and date formatting, written out by hand rather than via Intl 'vi-VN' so the
// output does not depend on which ICU data the Node build ships.
import { localParts } from '../domain/local-time.js';

/** Unicode NFC form: Vietnamese typed on some keyboards arrives decomposed and renders badly. */
export function nfc(text: string): string {
  return text.normalize('NFC');
}

/** A number Vietnamese style: thousands '.', decimal ','; formatNumber(1540) → '1.540'. */
export function formatNumber(value: number, decimals = 0): string {
  if (!Number.isFinite(value)) return '–';
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole = '0', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  // Rounding can turn -0.04 into "0,0": no minus sign on a zero.
  const negative = value < 0 && /[1-9]/.test(fixed);
  return `${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : `,${fraction}`}`;
}

/** A signed count, '+56' / '-3' / '0', for changes since yesterday. */
export function formatSignedNumber(value: number, decimals = 0): string {
  const text = formatNumber(value, decimals);
  return value > 0 && /[1-9]/.test(text) ? `+${text}` : text;
}

/** A fraction as a percentage with one decimal; formatPercent(0.624) → '62,4%'. */
export function formatPercent(fraction: number, decimals = 1): string {
  return `${formatNumber(fraction * 100, decimals)}%`;
}

/** A change of a fraction in percentage points, signed, without the unit: 0.031 → '+3,1'. */
export function formatPointChange(fraction: number, decimals = 1): string {
  return formatSignedNumber(fraction * 100, decimals);
}

function splitIsoDate(isoDate: string): [string, string, string] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`Not a YYYY-MM-DD date: ${isoDate}`);
  return [match[1] ?? '', match[2] ?? '', match[3] ?? ''];
}

/** A local calendar date as dd/MM/yyyy; formatDate('2025-03-10') → '10/03/2025'. */
export function formatDate(isoDate: string): string {
  const [year, month, day] = splitIsoDate(isoDate);
  return `${day}/${month}/${year}`;
}

/** A local calendar date as dd/MM, for chart axes. */
export function formatDayMonth(isoDate: string): string {
  const [, month, day] = splitIsoDate(isoDate);
  return `${day}/${month}`;
}

/** Calendar fields of an instant as seen in a time zone (the campaign's, not the server's). */
export interface LocalDateTime {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
}

/** Splits an instant into local fields of `timeZone`. */
export function toLocalDateTime(instant: Date, timeZone: string): LocalDateTime {
  const { date, time } = localParts(instant, timeZone);
  const [year = '', month = '', day = ''] = date.split('-');
  const [hour = '', minute = ''] = time.split(':');
  return { year, month, day, hour, minute };
}

/** 'HH:mm dd/MM/yyyy' in the campaign's time zone, e.g. '17:00 10/03/2025'. */
export function formatDateTime(instant: Date, timeZone: string): string {
  const t = toLocalDateTime(instant, timeZone);
  return `${t.hour}:${t.minute} ${t.day}/${t.month}/${t.year}`;
}

/** 'HH:mm dd/MM' in the campaign's time zone, for last-report columns. */
export function formatTimeDayMonth(instant: Date, timeZone: string): string {
  const t = toLocalDateTime(instant, timeZone);
  return `${t.hour}:${t.minute} ${t.day}/${t.month}`;
}

/** 'HH:mm' in the campaign's time zone. */
export function formatTime(instant: Date, timeZone: string): string {
  const t = toLocalDateTime(instant, timeZone);
  return `${t.hour}:${t.minute}`;
}

// Calendar arithmetic lives with the other local-time rules; re-exported for the renderers.
export { addDays, daysBetween } from '../domain/local-time.js';

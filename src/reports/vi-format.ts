// Vietnamese number and date formatting, written out by hand rather than via Intl 'vi-VN' so the
// output does not depend on which ICU data the Node build ships.

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

const partFormatters = new Map<string, Intl.DateTimeFormat>();

/** Splits an instant into local fields of `timeZone`. */
export function toLocalDateTime(instant: Date, timeZone: string): LocalDateTime {
  let formatter = partFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    partFormatters.set(timeZone, formatter);
  }
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(instant)) parts[part.type] = part.value;
  return {
    year: parts.year ?? '',
    month: parts.month ?? '',
    day: parts.day ?? '',
    hour: parts.hour ?? '',
    minute: parts.minute ?? '',
  };
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

/** Whole days from one YYYY-MM-DD date to another (calendar arithmetic, no time zone involved). */
export function daysBetween(fromIsoDate: string, toIsoDate: string): number {
  const toUtc = (iso: string): number => {
    const [y, m, d] = splitIsoDate(iso);
    return Date.UTC(Number(y), Number(m) - 1, Number(d));
  };
  return Math.round((toUtc(toIsoDate) - toUtc(fromIsoDate)) / 86_400_000);
}

/** The YYYY-MM-DD date `days` after `isoDate`. */
export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = splitIsoDate(isoDate);
  return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d) + days)).toISOString().slice(0, 10);
}

import type { Campaign } from '../domain/campaign.js';
import { localDate } from '../domain/local-time.js';
import { resolveTypedDate, type TypedDate } from '../domain/typed-date.js';

/**
 * The day a report command asks for: today when nothing is typed, else the typed `dd/mm[/yyyy]`
 * (an optional leading "ngày") resolved inside the campaign and not in the future (resolveTypedDate).
 */
export function requestedDay(campaign: Campaign, args: string, now: Date): TypedDate {
  const { settings } = campaign;
  const today = localDate(now, settings.timeZone);
  const typed = args.trim().replace(/^ng[aà]y\s+/iu, '');
  if (!typed) return { kind: 'date', date: today };
  return resolveTypedDate(typed, { start: settings.startDate, end: settings.endDate, today });
}

import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, localParts } from '../../src/domain/local-time.js';

// The reports' date arithmetic and local times are computed without a Date object per step and with one
// Intl call per zone and quarter hour; they must agree with the plain Date/Intl answers everywhere.
describe('calendar arithmetic for the reports', () => {
  it('adds and counts days as Date.UTC does, across leap years and centuries', () => {
    const viaDate = (date: string, days: number) => {
      const [y, m, d] = date.split('-').map(Number);
      return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
    };
    for (let day = -25_000; day < 50_000; day += 97) {
      const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
      for (const step of [-366, -1, 0, 1, 28, 29, 59, 365, 1461]) {
        expect(addDays(date, step)).toBe(viaDate(date, step));
        expect(daysBetween(date, viaDate(date, step))).toBe(step);
      }
    }
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
  });

  it('gives Intl’s local date and time in zones with and without daylight saving', () => {
    for (const zone of [
      'Asia/Ho_Chi_Minh',
      'Europe/Berlin',
      'America/New_York',
      'Australia/Lord_Howe',
      'Asia/Kathmandu',
    ]) {
      const intl = new Intl.DateTimeFormat('en-GB', {
        timeZone: zone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
      for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2027, 0, 1); t += 14_399_917) {
        const p = Object.fromEntries(intl.formatToParts(new Date(t)).map((x) => [x.type, x.value]));
        const local = localParts(new Date(t), zone);
        expect(`${local.date} ${local.time}`).toBe(`${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`);
      }
    }
  });
});

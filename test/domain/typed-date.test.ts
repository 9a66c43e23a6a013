import { describe, expect, it } from 'vitest';
import { resolveTypedDate } from '../../src/domain/typed-date.js';

const march = { start: '2025-03-01', end: '2025-03-20', today: '2025-03-10' };
const range = { earliest: '2025-03-01', latest: '2025-03-10', today: '2025-03-10' };

describe('resolveTypedDate', () => {
  it('gives a day/month the campaign year', () => {
    expect(resolveTypedDate('05/03', march)).toEqual({ kind: 'date', date: '2025-03-05' });
    expect(resolveTypedDate('10.03', march)).toEqual({ kind: 'date', date: '2025-03-10' });
    expect(resolveTypedDate('1/3/2025', march)).toEqual({ kind: 'date', date: '2025-03-01' });
    expect(resolveTypedDate({ day: 9, month: 3 }, march)).toEqual({ kind: 'date', date: '2025-03-09' });
  });

  it('refuses a later day of the campaign as a future day, not last year', () => {
    expect(resolveTypedDate('12/03', march)).toEqual({ kind: 'future', date: '2025-03-12', ...range });
  });

  it('refuses days before the campaign, with the allowed range', () => {
    expect(resolveTypedDate('28/02', march)).toEqual({
      kind: 'before_campaign',
      date: '2025-02-28',
      ...range,
    });
    expect(resolveTypedDate('01/01/1900', march)).toEqual({
      kind: 'before_campaign',
      date: '1900-01-01',
      ...range,
    });
  });

  it('after the campaign, allows its days and refuses later ones', () => {
    const after = { ...march, today: '2025-03-25' };
    expect(resolveTypedDate('20/03', after)).toEqual({ kind: 'date', date: '2025-03-20' });
    expect(resolveTypedDate('21/03', after)).toEqual({
      kind: 'after_campaign',
      date: '2025-03-21',
      earliest: '2025-03-01',
      latest: '2025-03-20',
      today: '2025-03-25',
    });
  });

  it('places a day/month in the right year of a campaign across new year', () => {
    const winter = { start: '2025-12-15', end: '2026-01-31', today: '2026-01-10' };
    expect(resolveTypedDate('20/12', winter)).toEqual({ kind: 'date', date: '2025-12-20' });
    expect(resolveTypedDate('05/01', winter)).toEqual({ kind: 'date', date: '2026-01-05' });
  });

  it('calls impossible days invalid', () => {
    expect(resolveTypedDate('29/02', march)).toEqual({ kind: 'invalid' });
    expect(resolveTypedDate('31/04/2025', march)).toEqual({ kind: 'invalid' });
    expect(resolveTypedDate('hôm qua', march)).toEqual({ kind: 'invalid' });
  });
});

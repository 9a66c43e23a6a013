import { describe, expect, it } from 'vitest';
import { forecastStep } from '../../src/domain/forecast.js';
import { paceOf, stepPlan } from '../../src/domain/pace.js';
import { judgedDate, neededPerDay, planShare, reportingDaysLeft } from '../../src/domain/plan.js';

const linear = { startDate: '2025-03-01', curve: 'linear' as const };
const working = { startDate: '2025-03-01', curve: 'working-days' as const };
const thresholds = { behindRatio: 0.9, farBehindRatio: 0.7 };

describe('the plan', () => {
  it('gives day 1 its share, the deadline all of it, and skips weekends when asked', () => {
    expect(planShare(linear, '2025-03-20', '2025-03-01')).toBeCloseTo(1 / 20);
    expect(planShare(linear, '2025-03-20', '2025-02-28')).toBe(0);
    expect(planShare(linear, '2025-03-20', '2025-03-20')).toBe(1);
    expect(planShare(linear, '2025-02-25', '2025-03-01')).toBe(1); // due before the start
    // 01/03/2025 is a Saturday: 14 working days to 20/03; Monday 03/03 is the first.
    expect(planShare(working, '2025-03-20', '2025-03-02')).toBe(0);
    expect(planShare(working, '2025-03-20', '2025-03-03')).toBeCloseTo(1 / 14);
  });

  it('counts days left with today before the cut-off and without it after', () => {
    expect(reportingDaysLeft(linear, '2025-03-20', { date: '2025-03-02', afterCutoff: false })).toBe(19);
    expect(reportingDaysLeft(linear, '2025-03-20', { date: '2025-03-02', afterCutoff: true })).toBe(18);
    expect(reportingDaysLeft(linear, '2025-03-20', { date: '2025-03-20', afterCutoff: true })).toBe(0);
    expect(neededPerDay(197_222, 19)).toBe(10_381); // 10.380,1 rounded up
    expect(neededPerDay(395, 1)).toBe(395);
    expect(neededPerDay(10, 0)).toBeNull();
  });

  it('judges a silent commune by yesterday before the cut-off', () => {
    expect(judgedDate({ date: '2025-03-05', afterCutoff: false }, false)).toBe('2025-03-04');
    expect(judgedDate({ date: '2025-03-05', afterCutoff: false }, true)).toBe('2025-03-05');
    expect(judgedDate({ date: '2025-03-05', afterCutoff: true }, false)).toBe('2025-03-05');
  });
});

describe('the pace', () => {
  it('is done at 100 %, overdue below it from the deadline on, else by the ratios', () => {
    const day10 = stepPlan(linear, '2025-03-20', '2025-03-10');
    expect(paceOf(50, 100, day10, thresholds)).toBe('on_track');
    expect(paceOf(40, 100, day10, thresholds)).toBe('behind');
    expect(paceOf(30, 100, day10, thresholds)).toBe('far_behind');
    const deadline = stepPlan(linear, '2025-03-20', '2025-03-20');
    expect(paceOf(99, 100, deadline, thresholds)).toBe('overdue');
    expect(paceOf(100, 100, deadline, thresholds)).toBe('done');
    expect(paceOf(5, 0, day10, thresholds)).toBe('no_target');
  });
});

describe('the forecast', () => {
  const obs = (values: number[]) => values.map((value, i) => ({ date: `2025-03-0${i + 1}`, value }));
  it('carries the last three reported days forward', () => {
    // +100 a day from 04/03 on: 600 left at 06/03 → done 12/03.
    expect(forecastStep(linear, obs([10, 20, 30, 130, 230, 330]), 930, '2025-03-20')).toEqual({
      kind: 'on_time',
      date: '2025-03-12',
    });
  });
  it('says by how much it misses the deadline', () => {
    // +10 a day: at 20/03 (14 more days) 470 of 1000 → 530 short.
    expect(forecastStep(linear, obs([10, 20, 30, 40, 50, 60, 330]), 1000, '2025-03-20').kind).toBe('on_time');
    expect(forecastStep(linear, obs([30, 40, 50, 60]), 1000, '2025-03-20')).toMatchObject({
      kind: 'late',
      shortfall: 1000 - (60 + 10 * 16),
    });
    expect(forecastStep(linear, obs([60, 60, 60, 60]), 100, '2025-03-20')).toEqual({
      kind: 'late',
      date: null,
      shortfall: 40,
    });
    expect(forecastStep(linear, obs([100]), 100, '2025-03-20')).toEqual({ kind: 'done' });
  });
});

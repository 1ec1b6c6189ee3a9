import { describe, expect, it } from 'vitest';
import { plannedCurve, plannedValueAt, realizedValueAt, sumPlanned, sumRealized, unitKey } from './curve-math.ts';

/** Every expected figure below is worked out by hand in the comment beside it. */

const plan = plannedCurve({
  baselineDate: '2026-01-01',
  baselineValue: 100,
  interimTargets: [{ date: '2026-01-21', value: 80 }],
  targetDate: '2026-01-31',
  targetValue: 50,
});

describe('plannedCurve', () => {
  it('lists baseline, interim targets in date order and the target', () => {
    const curve = plannedCurve({
      baselineDate: '2026-01-01',
      baselineValue: 10,
      interimTargets: [
        { date: '2026-09-01', value: 30 },
        { date: '2026-05-01', value: 20 },
      ],
      targetDate: '2027-01-01',
      targetValue: 40,
    });
    expect(curve).toEqual([
      { date: '2026-01-01', value: 10 },
      { date: '2026-05-01', value: 20 },
      { date: '2026-09-01', value: 30 },
      { date: '2027-01-01', value: 40 },
    ]);
  });
});

describe('plannedValueAt', () => {
  it('is the point itself on a planned date', () => {
    expect(plannedValueAt(plan, '2026-01-01')).toBe(100);
    expect(plannedValueAt(plan, '2026-01-21')).toBe(80);
    expect(plannedValueAt(plan, '2026-01-31')).toBe(50);
  });

  it('is linear by days between two points', () => {
    // 1 Jan → 21 Jan is 20 days from 100 to 80: 1 a day; 11 Jan is 10 days in: 100 − 10 = 90.
    expect(plannedValueAt(plan, '2026-01-11')).toBe(90);
    // 21 Jan → 31 Jan is 10 days from 80 to 50: 3 a day; 24 Jan is 3 days in: 80 − 9 = 71.
    expect(plannedValueAt(plan, '2026-01-24')).toBe(71);
  });

  it('holds the baseline before it and the target after it', () => {
    expect(plannedValueAt(plan, '2025-06-30')).toBe(100);
    expect(plannedValueAt(plan, '2030-01-01')).toBe(50);
  });

  it('counts days across a month and a leap day', () => {
    // 2028-02-01 → 2028-03-02 is 30 days (29 in February 2028 and 1 in March) from 0 to 30: 1 a day; 1 March is day 29.
    const leap = [
      { date: '2028-02-01', value: 0 },
      { date: '2028-03-02', value: 30 },
    ];
    expect(plannedValueAt(leap, '2028-03-01')).toBe(29);
  });
});

describe('sumPlanned', () => {
  it('adds the plans at every date any of them has, interpolating and holding flat', () => {
    // A: 100 on 1 Jan → 50 on 31 Jan (30 days, −5/3 a day). B: 10 on 11 Jan → 40 on 10 Feb (30 days, +1 a day).
    const a = plannedCurve({
      baselineDate: '2026-01-01',
      baselineValue: 100,
      interimTargets: [],
      targetDate: '2026-01-31',
      targetValue: 50,
    });
    const b = plannedCurve({
      baselineDate: '2026-01-11',
      baselineValue: 10,
      interimTargets: [],
      targetDate: '2026-02-10',
      targetValue: 40,
    });
    expect(sumPlanned([a, b])).toEqual([
      // 1 Jan: A 100, B before its baseline 10 → 110.
      { date: '2026-01-01', value: 110 },
      // 11 Jan: A 10 days in, 100 − 50/3 = 83.333333; B 10 → 93.333333.
      { date: '2026-01-11', value: 93.333333 },
      // 31 Jan: A 50; B 20 days in, 10 + 20 = 30 → 80.
      { date: '2026-01-31', value: 80 },
      // 10 Feb: A held at 50 after its target; B 40 → 90.
      { date: '2026-02-10', value: 90 },
    ]);
  });

  it('gives one curve back unchanged and nothing for none', () => {
    expect(sumPlanned([plan])).toEqual(plan);
    expect(sumPlanned([])).toEqual([]);
  });
});

describe('realized curves', () => {
  const a = {
    baselineValue: 420,
    measurements: [
      { date: '2026-03-01', value: 400 },
      { date: '2026-07-01', value: 370 },
    ],
  };
  const b = { baselineValue: 240, measurements: [{ date: '2026-05-01', value: 236 }] };

  it('holds a measurement until the next, and the baseline before the first', () => {
    expect(realizedValueAt(a, '2026-02-01')).toEqual({ value: 420, measured: false });
    expect(realizedValueAt(a, '2026-03-01')).toEqual({ value: 400, measured: true });
    expect(realizedValueAt(a, '2026-06-30')).toEqual({ value: 400, measured: true });
    expect(realizedValueAt(a, '2026-12-01')).toEqual({ value: 370, measured: true });
  });

  it('adds up at every date any municipality measured, and counts who had', () => {
    expect(sumRealized([a, b])).toEqual([
      // 1 Mar: A 400 (measured), B baseline 240 → 640, one measured.
      { date: '2026-03-01', value: 640, measuredCount: 1 },
      // 1 May: A 400, B 236 → 636, both.
      { date: '2026-05-01', value: 636, measuredCount: 2 },
      // 1 Jul: A 370, B 236 → 606, both.
      { date: '2026-07-01', value: 606, measuredCount: 2 },
    ]);
  });

  it('has no points where nobody measured', () => {
    expect(sumRealized([{ baselineValue: 5, measurements: [] }])).toEqual([]);
  });

  it('keeps sums of fractions clean', () => {
    const tenth = { baselineValue: 0, measurements: [{ date: '2026-01-01', value: 0.1 }] };
    const fifth = { baselineValue: 0, measurements: [{ date: '2026-01-01', value: 0.2 }] };
    expect(sumRealized([tenth, fifth])[0]!.value).toBe(0.3);
  });
});

describe('unitKey', () => {
  it('meets units written differently and keeps different ones apart', () => {
    expect(unitKey(' Timer  per år ')).toBe(unitKey('timer per år'));
    expect(unitKey('timer')).not.toBe(unitKey('kr'));
  });
});

import { describe, expect, it } from 'vitest';
import { monthsOf, outsidePeriod, overCommitment } from './capacity.ts';

describe('capacity arithmetic', () => {
  it('warns only above the commitment: equal is within it, one hundredth over is over, none set is no warning', () => {
    expect(overCommitment(25_000, 25_000)).toBe(false);
    expect(overCommitment(25_001, 25_000)).toBe(true);
    expect(overCommitment(0, 0)).toBe(false);
    expect(overCommitment(1, 0)).toBe(true);
    expect(overCommitment(99_999, null)).toBe(false);
  });

  it('flags months before the start month or after the planned end month, and none when a date is unset', () => {
    expect(outsidePeriod('2026-07', '2026-08-01', '2027-12-31')).toBe(true);
    expect(outsidePeriod('2026-08', '2026-08-31', '2027-12-31')).toBe(false);
    expect(outsidePeriod('2027-12', '2026-08-01', '2027-12-01')).toBe(false);
    expect(outsidePeriod('2028-01', '2026-08-01', '2027-12-31')).toBe(true);
    expect(outsidePeriod('1999-01', null, null)).toBe(false);
    expect(outsidePeriod('2030-01', null, '2029-06-30')).toBe(true);
  });

  it('lists the twelve months of a year', () => {
    expect(monthsOf(2027)).toHaveLength(12);
    expect([monthsOf(2027)[0], monthsOf(2027)[11]]).toEqual(['2027-01', '2027-12']);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shareInYear, spreadShare, type SpreadPeriod } from './year-spread.ts';

const period = (startDate: string | null, plannedEndDate: string | null, registeredYear = 2026): SpreadPeriod => ({
  startDate,
  plannedEndDate,
  registeredYear,
});

describe('spreading a project share over its years', () => {
  it('gives each year its days, rounded down, and the last year the rest (DigiHelse, 2026-08-01 to 2027-12-31)', () => {
    // 153 days in 2026 (August 31 + September 30 + October 31 + November 30 + December 31) and 365 in 2027: 518.
    // 453 422 × 153 = 69 373 566; ÷ 518 = 133 925 and 416 over, so 133 925; 2027 the rest, 319 497.
    expect(spreadShare(453_422, period('2026-08-01', '2027-12-31'))).toEqual([
      { year: 2026, amount: 133_925 },
      { year: 2027, amount: 319_497 },
    ]);
    expect(shareInYear(453_422, period('2026-08-01', '2027-12-31'), 2026)).toBe(133_925);
    expect(shareInYear(453_422, period('2026-08-01', '2027-12-31'), 2027)).toBe(319_497);
    expect(shareInYear(453_422, period('2026-08-01', '2027-12-31'), 2025)).toBe(0);
    expect(shareInYear(453_422, period('2026-08-01', '2027-12-31'), 2028)).toBe(0);
  });

  it('counts 29 February in a leap year', () => {
    // 2027-07-01..2028-06-30: 184 days in 2027, 182 in 2028 (31 + 29 + 31 + 30 + 31 + 30), 366 in all.
    // 1 000 × 184 ÷ 366 = 502,7 → 502; 2028 the rest, 498.
    expect(spreadShare(1_000, period('2027-07-01', '2028-06-30'))).toEqual([
      { year: 2027, amount: 502 },
      { year: 2028, amount: 498 },
    ]);
    // The same months a year earlier, without a leap day: 184 of 365 → 504,1 → 504; 2027 the rest, 496.
    expect(spreadShare(1_000, period('2026-07-01', '2027-06-30'))).toEqual([
      { year: 2026, amount: 504 },
      { year: 2027, amount: 496 },
    ]);
  });

  it('puts the remainder of the rounding in the last year', () => {
    // Three whole years of 365 days: 100 × 365 ÷ 1 095 = 33,3 → 33 twice, and 34 in the last.
    expect(spreadShare(100, period('2025-01-01', '2027-12-31'))).toEqual([
      { year: 2025, amount: 33 },
      { year: 2026, amount: 33 },
      { year: 2027, amount: 34 },
    ]);
  });

  it('gives a project within one year its whole share in that year', () => {
    expect(spreadShare(12_345, period('2026-03-01', '2026-10-31'))).toEqual([{ year: 2026, amount: 12_345 }]);
    expect(spreadShare(12_345, period('2026-12-31', '2026-12-31'))).toEqual([{ year: 2026, amount: 12_345 }]);
  });

  it('puts the whole share in the start year when the project has no planned end (or one before its start)', () => {
    expect(spreadShare(900, period('2026-08-01', null))).toEqual([{ year: 2026, amount: 900 }]);
    expect(shareInYear(900, period('2026-08-01', null), 2027)).toBe(0);
    expect(spreadShare(900, period('2026-08-01', '2026-07-31'))).toEqual([{ year: 2026, amount: 900 }]);
  });

  it('starts a project without a start date on 1 January of the year it was registered', () => {
    // 2025 and 2026 have 365 days each: half each.
    expect(spreadShare(730, period(null, '2026-12-31', 2025))).toEqual([
      { year: 2025, amount: 365 },
      { year: 2026, amount: 365 },
    ]);
    expect(spreadShare(730, period(null, null, 2025))).toEqual([{ year: 2025, amount: 730 }]);
  });

  it('gives nothing to spread as nothing in every year', () => {
    expect(spreadShare(0, period('2026-08-01', '2027-12-31'))).toEqual([
      { year: 2026, amount: 0 },
      { year: 2027, amount: 0 },
    ]);
  });

  it('always adds up to the share exactly, in consecutive years, none negative, the largest share without loss', () => {
    const day = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true });
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), day, day, (share, a, b) => {
        const [start, end] = a <= b ? [iso(a), iso(b)] : [iso(b), iso(a)];
        const parts = spreadShare(share, period(start, end));
        expect(parts.reduce((sum, p) => sum + p.amount, 0)).toBe(share);
        expect(parts[0]!.year).toBe(Number(start.slice(0, 4)));
        expect(parts.at(-1)!.year).toBe(Number(end.slice(0, 4)));
        parts.forEach((p, i) => {
          expect(p.amount).toBeGreaterThanOrEqual(0);
          expect(Number.isInteger(p.amount)).toBe(true);
          if (i > 0) expect(p.year).toBe(parts[i - 1]!.year + 1);
        });
      }),
    );
  });
});

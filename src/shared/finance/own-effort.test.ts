import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  effortValue,
  EntryCreateSchema,
  formatHours,
  MAX_HOURLY_RATE,
  MAX_HOURS_HUNDREDTHS,
  parseHours,
  sumBy,
  totalOf,
  type ValuedEntry,
} from './own-effort.ts';

describe('own effort arithmetic', () => {
  it('values hundredths of hours at the rate, to whole kroner half up', () => {
    expect(effortValue(750, 800)).toBe(6_000);
    expect(effortValue(1, 50)).toBe(1); // 0,50 kr rounds up
    expect(effortValue(1, 49)).toBe(0);
    expect(effortValue(25, 3)).toBe(1); // 0,75 kr
    expect(effortValue(125_000, 800)).toBe(1_000_000);
    expect(effortValue(750, null)).toBe(0);
  });

  it('stays exact at the limits', () => {
    expect(effortValue(MAX_HOURS_HUNDREDTHS, MAX_HOURLY_RATE)).toBe(7_440_000);
  });

  it('reads hours as a person types them, and writes them back the same way', () => {
    expect(parseHours('7,5')).toBe(750);
    expect(parseHours('7.25')).toBe(725);
    expect(parseHours(' 8 ')).toBe(800);
    expect(parseHours('0,05')).toBe(5);
    expect(parseHours('7,125')).toBeNull();
    expect(parseHours('-1')).toBeNull();
    expect(parseHours('sju')).toBeNull();
    expect(parseHours('')).toBeNull();
    expect(formatHours(750)).toBe('7,5');
    expect(formatHours(725)).toBe('7,25');
    expect(formatHours(800)).toBe('8');
    expect(formatHours(5, '.')).toBe('0.05');
    fc.assert(fc.property(fc.integer({ min: 0, max: MAX_HOURS_HUNDREDTHS }), (h) => parseHours(formatHours(h)) === h));
  });

  it('refuses a month that is not YYYY-MM and hours that are not positive hundredths', () => {
    const base = { municipalityNumber: '1870', hoursHundredths: 750 };
    expect(EntryCreateSchema.safeParse({ ...base, month: '2022-01' }).success).toBe(true);
    expect(EntryCreateSchema.safeParse({ ...base, month: '2022-13' }).success).toBe(false);
    expect(EntryCreateSchema.safeParse({ ...base, month: '2022-1' }).success).toBe(false);
    expect(EntryCreateSchema.safeParse({ ...base, month: '2022-01', hoursHundredths: 0 }).success).toBe(false);
    expect(EntryCreateSchema.safeParse({ ...base, month: '2022-01', hoursHundredths: 7.5 }).success).toBe(false);
    expect(EntryCreateSchema.safeParse({ ...base, month: '2022-01', hoursHundredths: MAX_HOURS_HUNDREDTHS + 1 }).success).toBe(false);
  });

  const entry = fc.record({
    month: fc.constantFrom('2022-01', '2022-02', '2022-07', '2022-12'),
    municipalityNumber: fc.constantFrom('1851', '1866', '1867', '1870'),
    projectId: fc.constantFrom(null, 'a', 'b'),
    personId: fc.constantFrom(null, 'p', 'q'),
    hundredths: fc.integer({ min: 1, max: MAX_HOURS_HUNDREDTHS }),
  });

  it('adds up to the same total whichever way the entries are grouped', () => {
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 60 }),
        fc.option(fc.integer({ min: 1, max: MAX_HOURLY_RATE }), { nil: null }),
        (raw, rate) => {
          const entries: ValuedEntry[] = raw.map((e) => ({ ...e, value: effortValue(e.hundredths, rate) }));
          const total = totalOf(entries);
          expect(total.value).toBe(entries.reduce((a, e) => a + e.value, 0));
          expect(total.hundredths).toBe(entries.reduce((a, e) => a + e.hundredths, 0));
          for (const key of [
            (e: ValuedEntry) => e.municipalityNumber,
            (e: ValuedEntry) => e.projectId,
            (e: ValuedEntry) => e.month,
            (e: ValuedEntry) => e.personId,
            (e: ValuedEntry) => `${e.municipalityNumber} ${e.projectId}`,
          ]) {
            expect(totalOf([...sumBy(entries, key).values()])).toEqual(total);
          }
        },
      ),
    );
  });

  it('values each entry on its own: a group’s value may differ from the value of its summed hours, never by more than half a krone an entry', () => {
    // 3 × 0,01 h at 50 kr: each 0,50 kr rounds up to 1 kr (3 kr), while 0,03 h would be 1,50 kr → 2 kr.
    const three = [1, 1, 1].map((h) => effortValue(h, 50));
    expect(three.reduce((a, b) => a + b, 0)).toBe(3);
    expect(effortValue(3, 50)).toBe(2);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: MAX_HOURS_HUNDREDTHS }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: MAX_HOURLY_RATE }),
        (hs, rate) => {
          const perEntry = hs.reduce((a, h) => a + effortValue(h, rate), 0);
          const exactTimes100 = hs.reduce((a, h) => a + h * rate, 0);
          expect(Math.abs(perEntry * 100 - exactTimes100)).toBeLessThanOrEqual(50 * hs.length);
        },
      ),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SPLIT_METHODS, splitCost, type SplitParticipant } from './cost-split.ts';

const p = (municipalityNumber: string, population: number, basisPoints?: number): SplitParticipant => ({
  municipalityNumber,
  population,
  basisPoints,
});

describe('splitCost', () => {
  it('splits equally, the odd kroner to the lowest municipality numbers', () => {
    expect(splitCost(100, 'equal', [p('1870', 10), p('1866', 10), p('1867', 10)])).toEqual([
      { municipalityNumber: '1866', amount: 34 },
      { municipalityNumber: '1867', amount: 33 },
      { municipalityNumber: '1870', amount: 33 },
    ]);
  });

  it('splits by population with the largest remainders rounded up', () => {
    // 1000 × 1/6, 2/6, 3/6 = 166.67, 333.33, 500
    expect(splitCost(1000, 'population', [p('1866', 100), p('1867', 200), p('1870', 300)])).toEqual([
      { municipalityNumber: '1866', amount: 167 },
      { municipalityNumber: '1867', amount: 333 },
      { municipalityNumber: '1870', amount: 500 },
    ]);
  });

  it('splits by agreed basis points', () => {
    expect(splitCost(1_000_001, 'agreed', [p('1870', 0, 5000), p('1866', 0, 2500), p('1867', 0, 2500)])).toEqual([
      { municipalityNumber: '1866', amount: 250_000 },
      { municipalityNumber: '1867', amount: 250_000 },
      { municipalityNumber: '1870', amount: 500_001 },
    ]);
  });

  it('splits equally when no weight is known, and gives nothing to no one', () => {
    expect(splitCost(10, 'population', [p('1866', 0), p('1867', 0)]).map((l) => l.amount)).toEqual([5, 5]);
    expect(splitCost(10, 'equal', [])).toEqual([]);
  });

  it('computes with integers beyond 2^53', () => {
    const lines = splitCost(9_000_000_000_000, 'population', [p('0301', 717_710), p('1866', 8_000), p('1870', 10_711)]);
    expect(lines.reduce((a, l) => a + l.amount, 0)).toBe(9_000_000_000_000);
  });

  it('refuses a negative or fractional total', () => {
    expect(() => splitCost(-1, 'equal', [p('1866', 1)])).toThrow(RangeError);
    expect(() => splitCost(1.5, 'equal', [p('1866', 1)])).toThrow(RangeError);
  });
});

const participantsArb = fc.uniqueArray(fc.integer({ min: 101, max: 5699 }), { minLength: 1, maxLength: 12 }).chain((numbers) =>
  fc.tuple(
    ...numbers.map((n) =>
      fc.record({
        municipalityNumber: fc.constant(String(n).padStart(4, '0')),
        population: fc.integer({ min: 0, max: 1_000_000 }),
        basisPoints: fc.integer({ min: 0, max: 10_000 }),
      }),
    ),
  ),
);
const totalArb = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });

describe.each(SPLIT_METHODS)('splitCost properties, %s', (method) => {
  it('always adds up exactly to the total', () => {
    fc.assert(
      fc.property(totalArb, participantsArb, (total, participants) => {
        const lines = splitCost(total, method, participants);
        expect(lines).toHaveLength(participants.length);
        expect(lines.reduce((a, l) => a + BigInt(l.amount), 0n)).toBe(BigInt(total));
      }),
    );
  });

  it('never gives a negative share', () => {
    fc.assert(
      fc.property(totalArb, participantsArb, (total, participants) => {
        for (const line of splitCost(total, method, participants)) expect(line.amount).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('does not depend on the order the participants are listed in', () => {
    fc.assert(
      fc.property(
        totalArb,
        participantsArb.chain((ps) => fc.tuple(fc.constant(ps), fc.shuffledSubarray(ps, { minLength: ps.length, maxLength: ps.length }))),
        (total, [participants, shuffled]) => {
          expect(splitCost(total, method, shuffled)).toEqual(splitCost(total, method, participants));
        },
      ),
    );
  });
});

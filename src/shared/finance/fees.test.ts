import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeFees, FeeModelSchema, perInhabitantKroner, type FeeModel, type FeeMunicipality } from './fees.ts';

const HELGELAND_BANDS: FeeModel = {
  kind: 'populationBands',
  bands: [
    { upTo: 499, amount: 25_000 },
    { upTo: 4_999, amount: 50_000 },
    { upTo: 9_999, amount: 100_000 },
    { upTo: null, amount: 150_000 },
  ],
};

const m = (number: string, population: number, name = `Kommune ${number}`): FeeMunicipality => ({ number, name, population });

describe('computeFees', () => {
  it('puts each municipality in its population band, bounds inclusive', () => {
    const result = computeFees(HELGELAND_BANDS, [m('1835', 420), m('1836', 499), m('1837', 500), m('1833', 26_000), m('1824', 10_000)]);
    expect(result.lines.map((l) => l.amount)).toEqual([25_000, 25_000, 50_000, 150_000, 150_000]);
    expect(result.total).toBe(400_000);
  });

  it('rounds a rate in øre per inhabitant to whole kroner, half up', () => {
    expect(perInhabitantKroner(3, 50)).toBe(2); // 1.50 kr → 2
    expect(perInhabitantKroner(1, 149)).toBe(1); // 1.49 kr → 1
    const result = computeFees({ kind: 'fixedPlusPerInhabitant', fixed: 10_000, rateOre: 1_250 }, [m('1870', 10_618)]);
    expect(result.lines[0]!.amount).toBe(10_000 + 132_725);
  });

  it('shares a total equally, the remainder one krone each to the lowest numbers', () => {
    const result = computeFees({ kind: 'equalShare', total: 100 }, [m('1870', 1), m('1851', 1), m('1865', 1)]);
    expect(result.lines.map((l) => [l.number, l.amount])).toEqual([
      ['1870', 33],
      ['1851', 34],
      ['1865', 33],
    ]);
    expect(result.total).toBe(100);
    expect(computeFees({ kind: 'equalShare', total: 100 }, [])).toEqual({ lines: [], total: 0 });
  });
});

describe('the fee model schema', () => {
  it('names a band bound out of order, a missing one and a bounded last band', () => {
    const result = FeeModelSchema.safeParse({
      kind: 'populationBands',
      bands: [
        { upTo: 5_000, amount: 1 },
        { upTo: 500, amount: 2 },
        { upTo: null, amount: 3 },
        { upTo: 20_000, amount: 4 },
      ],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['bands.1.upTo', 'bandOrder'],
      ['bands.2.upTo', 'required'],
      ['bands.3.upTo', 'lastBandOpen'],
    ]);
  });

  it('refuses money that is not whole kroner', () => {
    expect(FeeModelSchema.safeParse({ kind: 'equalShare', total: 100.5 }).success).toBe(false);
    expect(FeeModelSchema.safeParse({ kind: 'perInhabitant', rateOre: 12.5 }).success).toBe(false);
  });
});

// ---------- properties ----------
const municipalitiesArb = fc.uniqueArray(
  fc.record({
    number: fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')),
    name: fc.string({ maxLength: 10 }),
    population: fc.integer({ min: 0, max: 1_500_000 }),
  }),
  { selector: (x) => x.number, maxLength: 60 },
);

const kroner = fc.integer({ min: 0, max: 1_000_000_000 });
const rate = fc.integer({ min: 0, max: 100_000 });
const modelArb: fc.Arbitrary<FeeModel> = fc.oneof(
  fc
    .tuple(fc.uniqueArray(fc.integer({ min: 0, max: 2_000_000 }), { maxLength: 6 }), fc.array(kroner, { minLength: 7, maxLength: 7 }))
    .map(([bounds, amounts]) => ({
      kind: 'populationBands' as const,
      bands: [...[...bounds].sort((a, b) => a - b).map((upTo, i) => ({ upTo, amount: amounts[i]! })), { upTo: null, amount: amounts[6]! }],
    })),
  rate.map((rateOre) => ({ kind: 'perInhabitant' as const, rateOre })),
  kroner.map((total) => ({ kind: 'equalShare' as const, total })),
  fc.tuple(kroner, rate).map(([fixed, rateOre]) => ({ kind: 'fixedPlusPerInhabitant' as const, fixed, rateOre })),
);

describe('computeFees properties', () => {
  it('accepts every generated model', () => {
    fc.assert(fc.property(modelArb, (model) => FeeModelSchema.safeParse(model).success));
  });

  it('an equal share adds up exactly to the total, and no two shares differ by more than a krone', () => {
    fc.assert(
      fc.property(kroner, municipalitiesArb, (total, members) => {
        fc.pre(members.length > 0);
        const { lines, total: sum } = computeFees({ kind: 'equalShare', total }, members);
        const amounts = lines.map((l) => l.amount);
        return sum === total && Math.max(...amounts) - Math.min(...amounts) <= 1;
      }),
    );
  });

  it('gives no negative fee, only whole kroner, and a total that is the sum of the lines', () => {
    fc.assert(
      fc.property(modelArb, municipalitiesArb, (model, members) => {
        const { lines, total } = computeFees(model, members);
        return lines.every((l) => Number.isSafeInteger(l.amount) && l.amount >= 0) && total === lines.reduce((s, l) => s + l.amount, 0);
      }),
    );
  });

  it('the order of the municipalities changes nobody’s fee', () => {
    fc.assert(
      fc.property(
        modelArb,
        municipalitiesArb.chain((members) => fc.tuple(fc.constant(members), fc.shuffledSubarray(members, { minLength: members.length }))),
        (model, [members, shuffled]) => {
          const fee = (list: FeeMunicipality[]) => new Map(computeFees(model, list).lines.map((l) => [l.number, l.amount]));
          expect(fee(shuffled)).toEqual(fee(members));
        },
      ),
    );
  });
});

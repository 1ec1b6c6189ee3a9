import { describe, expect, it } from 'vitest';
import { basisPointsToPercent, FinancingInputSchema, percentToBasisPoints } from './project-financing.ts';

describe('percentages as typed and shown', () => {
  it('reads whole percent and up to two decimals, with comma or point', () => {
    expect(['40', '33,34', '33.3', ' 5,05 ', '100'].map(percentToBasisPoints)).toEqual([4000, 3334, 3330, 505, 10_000]);
    expect(['', 'abc', '1,234', '-5', '1000'].map(percentToBasisPoints)).toEqual([null, null, null, null, null]);
  });

  it('shows basis points without trailing zeros', () => {
    expect([4000, 3334, 3330, 505].map((bp) => basisPointsToPercent(bp))).toEqual(['40', '33,34', '33,3', '5,05']);
    expect(basisPointsToPercent(3334, '.')).toBe('33.34');
  });
});

describe('FinancingInputSchema', () => {
  const valid = {
    costTotal: 100,
    method: 'agreed',
    percentages: [
      { municipalityNumber: '1866', basisPoints: 5000 },
      { municipalityNumber: '1870', basisPoints: 5000 },
    ],
    sources: [{ kind: 'municipalities', name: 'Kommunene', amount: 100 }],
  };

  it('accepts sources adding up to the total and percentages adding up to 100 %', () => {
    expect(FinancingInputSchema.safeParse(valid).success).toBe(true);
  });

  it('names the sources and the percentages when they do not add up', () => {
    const result = FinancingInputSchema.safeParse({
      ...valid,
      costTotal: 101,
      percentages: [{ municipalityNumber: '1866', basisPoints: 5000 }],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['sources', 'sourcesSum'],
      ['percentages', 'percentSum'],
    ]);
  });

  it('ignores the percentages for the other methods', () => {
    expect(FinancingInputSchema.safeParse({ ...valid, method: 'population', percentages: [] }).success).toBe(true);
  });
});

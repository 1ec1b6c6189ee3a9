import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { budgetTotals, parseWholeKroner, remainingOf, sideOfCategory, sumKroner, BudgetLineCreateSchema } from './budget.ts';

describe('budget arithmetic', () => {
  it('sums whole kroner and refuses anything else', () => {
    expect(sumKroner([])).toBe(0);
    expect(sumKroner([800_000, -1_200, 45])).toBe(798_845);
    expect(() => sumKroner([1, 0.5])).toThrow(RangeError);
    expect(() => remainingOf(100, 0.1)).toThrow(RangeError);
  });

  it('remaining is budgeted less actual, negative when overspent', () => {
    expect(remainingOf(250_000, 100_000)).toBe(150_000);
    expect(remainingOf(10, 15)).toBe(-5);
  });

  it('totals each side and the result, budgeted and actual', () => {
    const totals = budgetTotals([
      { side: 'income', budgeted: 1_200_000, actual: 1_200_000 },
      { side: 'income', budgeted: 150_000, actual: 50_000 },
      { side: 'cost', budgeted: 800_000, actual: 420_000 },
      { side: 'cost', budgeted: 550_000, actual: 600_000 },
    ]);
    expect(totals).toEqual({
      income: { budgeted: 1_350_000, actual: 1_250_000, remaining: 100_000 },
      cost: { budgeted: 1_350_000, actual: 1_020_000, remaining: 330_000 },
      result: { budgeted: 0, actual: 230_000 },
    });
  });

  it('the side totals equal the sums of their lines, and remaining adds up (property)', () => {
    const line = fc.record({
      side: fc.constantFrom('income' as const, 'cost' as const),
      budgeted: fc.integer({ min: 0, max: 10_000_000_000 }),
      actual: fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }),
    });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
        const t = budgetTotals(lines);
        for (const side of ['income', 'cost'] as const) {
          const of = lines.filter((l) => l.side === side);
          expect(t[side].remaining).toBe(of.reduce((s, l) => s + remainingOf(l.budgeted, l.actual), 0));
          expect(Number.isSafeInteger(t[side].actual)).toBe(true);
        }
        expect(t.result.budgeted).toBe(t.income.budgeted - t.cost.budgeted);
        expect(t.result.actual).toBe(t.income.actual - t.cost.actual);
      }),
    );
  });

  it('a category decides the side', () => {
    expect(sideOfCategory('grant')).toBe('income');
    expect(sideOfCategory('memberFees')).toBe('income');
    expect(sideOfCategory('projects')).toBe('cost');
    expect(sideOfCategory('secretariat')).toBe('cost');
  });

  it('a project only on a cost line for projects', () => {
    const projectId = '0190a3a4-0000-7000-8000-000000000001';
    expect(BudgetLineCreateSchema.safeParse({ category: 'projects', name: 'P', budgeted: 1, projectId }).success).toBe(true);
    const wrong = BudgetLineCreateSchema.safeParse({ category: 'consultants', name: 'P', budgeted: 1, projectId });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]).toMatchObject({ path: ['projectId'], message: 'projectLineOnly' });
  });
});

describe('amounts as accounting exports write them', () => {
  it.each([
    ['12 345,00', 12_345],
    ['-1 200', -1_200],
    ['\u22121\u00a0200', -1_200],
    ['12345', 12_345],
    ['12345.00', 12_345],
    ['1.234.567,00', 1_234_567],
    ['kr 500', 500],
    ['0', 0],
    ['-0', 0],
  ])('reads «%s» as %d kroner', (text, amount) => {
    expect(parseWholeKroner(text)).toEqual({ amount });
  });

  it.each([
    ['12 345,50', 'fraction'],
    ['1,5', 'fraction'],
    ['abc', 'notNumber'],
    ['', 'notNumber'],
    ['12-3', 'notNumber'],
    ['99999999999', 'tooBig'],
  ])('refuses «%s» as %s', (text, problem) => {
    expect(parseWholeKroner(text)).toEqual({ problem });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GrantAllocationCreateSchema, GrantCreateSchema, grantFigures, GrantUpdateSchema, nextDeadline } from './grants.ts';

describe('grantFigures', () => {
  it('adds up allocations and expenses, and what is left of each', () => {
    const figures = grantFigures({
      amount: 2_000_000,
      allocations: [
        { id: 'budget', amount: 1_200_000 },
        { id: 'project', amount: 500_000 },
      ],
      expenses: [
        { amount: 300_000, allocationId: null },
        { amount: 500_000, allocationId: null },
        { amount: 120_000, allocationId: 'project' },
        { amount: 1, allocationId: 'project' },
      ],
    });
    expect(figures).toEqual({
      amount: 2_000_000,
      allocated: 1_700_000,
      unallocated: 300_000,
      spent: 920_001,
      remaining: 1_079_999,
      spentByAllocation: { budget: 0, project: 120_001 },
    });
  });

  it('a grant with nothing below it has all of its amount left', () => {
    expect(grantFigures({ amount: 5, allocations: [], expenses: [] })).toMatchObject({
      allocated: 0,
      unallocated: 5,
      spent: 0,
      remaining: 5,
    });
  });

  it('spent + remaining and allocated + unallocated are the amount, in whole kroner, whatever the order', () => {
    const kroner = fc.integer({ min: 1, max: 100_000_000 });
    fc.assert(
      fc.property(
        kroner,
        fc.array(kroner, { maxLength: 8 }),
        fc.array(fc.tuple(kroner, fc.option(fc.nat({ max: 7 }), { nil: null })), { maxLength: 20 }),
        (amount, allocationAmounts, expenseParts) => {
          const allocations = allocationAmounts.map((a, i) => ({ id: `a${i}`, amount: a }));
          const expenses = expenseParts.map(([a, i]) => ({
            amount: a,
            allocationId: i === null || i >= allocations.length ? null : `a${i}`,
          }));
          const f = grantFigures({ amount, allocations, expenses });
          const reversed = grantFigures({ amount, allocations: [...allocations].reverse(), expenses: [...expenses].reverse() });
          expect(f).toEqual(reversed);
          expect(f.spent + f.remaining).toBe(amount);
          expect(f.allocated + f.unallocated).toBe(amount);
          for (const value of [f.allocated, f.spent, f.remaining, f.unallocated, ...Object.values(f.spentByAllocation)])
            expect(Number.isInteger(value)).toBe(true);
          const named = Object.values(f.spentByAllocation).reduce((s, v) => s + v, 0);
          expect(named).toBe(expenses.filter((e) => e.allocationId !== null).reduce((s, e) => s + e.amount, 0));
        },
      ),
    );
  });
});

describe('nextDeadline', () => {
  it('is the earliest not reported, overdue ones too', () => {
    const deadlines = [
      { dueDate: '2023-03-01', reportedAt: null },
      { dueDate: '2022-03-01', reportedAt: '2022-02-25T10:00:00.000Z' },
      { dueDate: '2022-09-01', reportedAt: null },
    ];
    expect(nextDeadline(deadlines)).toBe('2022-09-01');
    expect(nextDeadline(deadlines.slice(1, 2))).toBeNull();
  });
});

describe('the grant schemas', () => {
  const valid = {
    giverKind: 'ksDigifin',
    giverName: 'KS',
    title: 'DigiFin',
    amount: 100,
    decisionDate: '2026-01-01',
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
  };
  it('takes whole kroner above zero and a period that does not end before it starts', () => {
    expect(GrantCreateSchema.safeParse(valid).success).toBe(true);
    const paths = (input: unknown) => GrantCreateSchema.safeParse(input).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(paths({ ...valid, amount: 10.5 })).toEqual([['amount', 'type']]);
    expect(paths({ ...valid, amount: 0 })?.[0]?.[0]).toBe('amount');
    expect(paths({ ...valid, periodEnd: '2025-12-31' })).toEqual([['periodEnd', 'dateOrder']]);
  });
  it('an update sets nothing that was not sent (no defaults)', () => {
    expect(GrantUpdateSchema.parse({ version: 3 })).toEqual({ version: 3 });
  });
  it('an allocation names the base budget’s year or the project', () => {
    expect(GrantAllocationCreateSchema.safeParse({ target: 'baseBudget', amount: 5 }).error?.issues[0]?.path).toEqual(['year']);
    expect(GrantAllocationCreateSchema.safeParse({ target: 'project', year: 2026, amount: 5 }).error?.issues[0]?.path).toEqual([
      'projectId',
    ]);
    expect(GrantAllocationCreateSchema.safeParse({ target: 'baseBudget', year: 2026, amount: 5 }).success).toBe(true);
  });
});

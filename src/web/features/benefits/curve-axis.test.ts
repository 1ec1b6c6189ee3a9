import { describe, expect, it } from 'vitest';
import { niceTicks } from './curve-axis.ts';

describe('the value axis of a curve chart', () => {
  it('steps by 1, 2 or 5 × 10ⁿ from below the lowest value to above the highest', () => {
    // The demo's summed hours, 740 to 1 020: a range of 280 in four steps is 70, rounded up to 100.
    expect(niceTicks(740, 1020)).toEqual([700, 800, 900, 1000, 1100]);
    // A share from 3 to 25 %: 22 ÷ 4 = 5.5, rounded up to 10.
    expect(niceTicks(3, 25)).toEqual([0, 10, 20, 30]);
  });

  it('gives a flat curve room around its value, and small values clean labels', () => {
    expect(niceTicks(5, 5)).toEqual([4, 4.5, 5, 5.5, 6]);
    expect(niceTicks(0.1, 0.3)).toEqual([0.1, 0.15, 0.2, 0.25, 0.3]);
  });
});

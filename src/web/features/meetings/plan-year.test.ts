import { describe, expect, it } from 'vitest';
import { planYear } from './plan-year.ts';

describe('the year the meeting plan opens on', () => {
  it('is the next meeting’s, also when that is next year', () => {
    expect(planYear(['2026-03-10', '2026-09-15', '2027-01-12', '2027-06-01'], '2026-12-05')).toBe(2027);
    expect(planYear(['2027-01-12', '2026-03-10'], '2026-12-05')).toBe(2027);
  });

  it('is this year while a meeting is still to come in it, today included', () => {
    expect(planYear(['2026-03-10', '2026-12-05', '2027-01-12'], '2026-12-05')).toBe(2026);
  });

  it('is the latest year with meetings when none is planned', () => {
    expect(planYear(['2022-05-01', '2024-11-20', '2023-02-02'], '2026-12-05')).toBe(2024);
  });

  it('is this year for a body that has never met', () => {
    expect(planYear([], '2026-12-05')).toBe(2026);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { today } from './dates.ts';

describe("today's date in Norway", () => {
  afterEach(() => vi.useRealTimers());

  const at = (instant: string) => {
    vi.setSystemTime(new Date(instant));
    return today();
  };

  it('turns at Oslo midnight, in winter and in summer time, also when the hour before was asked', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    // CET, UTC+1: midnight is 23:00 UTC.
    expect([at('2026-01-14T22:10:00Z'), at('2026-01-14T22:59:59.999Z'), at('2026-01-14T23:00:00Z')]).toEqual([
      '2026-01-14',
      '2026-01-14',
      '2026-01-15',
    ]);
    // CEST, UTC+2: midnight is 22:00 UTC.
    expect([at('2026-06-30T21:30:00Z'), at('2026-06-30T21:59:59.999Z'), at('2026-06-30T22:00:00Z')]).toEqual([
      '2026-06-30',
      '2026-06-30',
      '2026-07-01',
    ]);
    // The nights the clock changes (the last Sundays of March and October 2026), and back in time.
    expect([at('2026-03-28T22:59:59Z'), at('2026-03-28T23:00:00Z'), at('2026-03-29T21:59:59Z'), at('2026-03-29T22:00:00Z')]).toEqual([
      '2026-03-28',
      '2026-03-29',
      '2026-03-29',
      '2026-03-30',
    ]);
    expect([at('2026-10-24T21:59:59Z'), at('2026-10-24T22:00:00Z'), at('2026-10-25T22:59:59Z'), at('2026-10-25T23:00:00Z')]).toEqual([
      '2026-10-24',
      '2026-10-25',
      '2026-10-25',
      '2026-10-26',
    ]);
    expect(at('2026-01-14T23:30:00Z')).toBe('2026-01-15');
  });
});

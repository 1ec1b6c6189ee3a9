import { describe, expect, it } from 'vitest';
import { formatAchievement, numberText, parseNumber, shortDate } from './benefits-api.ts';

describe('the numbers of the benefits section', () => {
  it('shows an achievement as a percentage with one decimal in the reader’s language, «–» when there is none', () => {
    expect(formatAchievement('nb', 17 / 30)).toBe('56,7\u00a0%');
    expect(formatAchievement('en', 0.5)).toBe('50.0%');
    expect(formatAchievement('nb', null)).toBe('–');
  });

  it('reads numbers as people type them: comma or point in Norwegian, grouping commas in English', () => {
    expect(parseNumber('nb', '12,5')).toBe(12.5);
    expect(parseNumber('nb', '1 200')).toBe(1200);
    expect(parseNumber('nn', '-3.25')).toBe(-3.25);
    expect(parseNumber('en', '1,200.5')).toBe(1200.5);
    expect(parseNumber('nb', '')).toBeUndefined();
    expect(parseNumber('nb', 'mange')).toBeNaN();
    expect(numberText('nb', 12.5)).toBe('12,5');
    expect(numberText('en', 12.5)).toBe('12.5');
  });

  it('writes a date in figures for the dense table', () => {
    expect(shortDate('nb', '2026-08-15')).toBe('15.08.2026');
  });
});

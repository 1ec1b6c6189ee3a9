import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api.ts';
import { keyErrorsAtTitles, tertialFor } from './strategy-api.ts';

describe('the tertial a report most likely concerns', () => {
  it("is the one running in Norway in the plan's year, the last for a past year and the first for a future one", () => {
    expect(tertialFor(2026, new Date('2026-02-10T12:00:00Z'))).toBe(1);
    expect(tertialFor(2026, new Date('2026-06-10T12:00:00Z'))).toBe(2);
    expect(tertialFor(2026, new Date('2026-11-10T12:00:00Z'))).toBe(3);
    // 30 April 23:30 UTC is already 1 May in Norway: the second tertial.
    expect(tertialFor(2026, new Date('2026-04-30T23:30:00Z'))).toBe(2);
    // 31 December 23:30 UTC is New Year's Day in Norway: a plan for the new year, first tertial.
    expect(tertialFor(2027, new Date('2026-12-31T23:30:00Z'))).toBe(1);
    expect(tertialFor(2025, new Date('2026-02-10T12:00:00Z'))).toBe(3);
    expect(tertialFor(2027, new Date('2026-11-10T12:00:00Z'))).toBe(1);
  });
});

describe("a problem with an item's key", () => {
  it("is shown at the item's title, which is on screen; a title's own problem comes first", () => {
    const error = new ApiError(400, 'validation_failed', 'Noe er feil.', {
      'content.focusAreas.0.title': '«Tittel på innsatsområde» må fylles ut.',
      'content.focusAreas.0.key': '«Nøkkel til innsatsområde» er ugyldig.',
      'content.principles.2.key': '«Nøkkel til prinsipp» er ugyldig.',
      'content.vision': '«Visjon» kan ha høyst 1000 tegn.',
    });
    const mapped = keyErrorsAtTitles(error) as ApiError;
    expect(mapped).toBeInstanceOf(ApiError);
    expect(mapped.fields).toEqual({
      'content.focusAreas.0.title': '«Tittel på innsatsområde» må fylles ut.',
      'content.principles.2.title': '«Nøkkel til prinsipp» er ugyldig.',
      'content.vision': '«Visjon» kan ha høyst 1000 tegn.',
    });
    const stale = new ApiError(409, 'stale_version', 'Noen andre har endret dette.');
    expect(keyErrorsAtTitles(stale)).toBe(stale);
  });
});
